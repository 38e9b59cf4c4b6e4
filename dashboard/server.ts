// The dashboard: server-rendered pages over Hono. Every route is declared in one table with
// the roles allowed to use it, so an unguarded route cannot exist by omission.
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { Db } from '../db/client.ts';
import { loadSession } from '../db/queries/users.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { unavailablePage } from './views/unavailable.ts';
import { SESSION_COOKIE } from './auth/cookies.ts';
import { authRoutes } from './routes/auth.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { sameSecret } from './auth/same-secret.ts';
import { caseRoutes } from './routes/cases.ts';
import { DETAINEE_UPLOAD, detaineeRoutes } from './routes/detainees.ts';
import { personSearchRoutes } from './routes/person-search.ts';
import { followRoutes } from './routes/follows.ts';
import { sourceRoutes } from './routes/sources.ts';
import { trendRoutes } from './routes/trends.ts';
import { userRoutes } from './routes/users.ts';
import { chooseLanguage, translator } from './i18n/dictionary.ts';
import { LANGUAGE_COOKIE } from './i18n/language-cookie.ts';
import type { DashboardConfig, RouteRule } from './routes/route-rule.ts';

export type { DashboardConfig, RouteRule };

export function routeTable(): RouteRule[] {
  return [...authRoutes, ...caseRoutes, ...followRoutes, ...detaineeRoutes, ...personSearchRoutes, ...trendRoutes, ...sourceRoutes, ...userRoutes];
}

const staticRoot = relative(process.cwd(), fileURLToPath(new URL('./static', import.meta.url))) || '.';

/** The largest form body any route but the upload accepts. */
export const FORM_MAX_BYTES = 64 * 1024;

/** Who is asking, decided for a route before its body is counted or read (see createDashboard). */
interface Access {
  session: Awaited<ReturnType<typeof loadSession>>;
  language: ReturnType<typeof chooseLanguage>;
  t: ReturnType<typeof translator>;
}

export function createDashboard(db: Db, config: DashboardConfig): Hono {
  const app = new Hono();
  /** Per request (its context, shared by every handler of the request): who is asking. */
  const accessOf = new WeakMap<Context, Access>();
  const on = (rule: RouteRule) => (rule.method === 'GET' ? app.get.bind(app) : app.post.bind(app));
  const loginThrottle = new LoginThrottle();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      // A route's own stricter header stays (the sandboxed raw court page).
      overwrite: false,
    }),
  );
  // Who is asking, and whether they may, is decided before any body is counted or read (the body
  // limits below read a body without a Content-Length as it arrives): a visitor without a
  // session or the role is answered, and none of their upload (up to 5 MB) is read.
  for (const rule of routeTable()) {
    on(rule)(rule.path, async (c, next) => {
      const token = getCookie(c, SESSION_COOKIE);
      const session = token ? await loadSession(db, token) : null;
      const language = chooseLanguage(session?.user.language, getCookie(c, LANGUAGE_COOKIE), c.req.header('accept-language'));
      const t = translator(language);
      // The browser says a form comes from another site: refused even where no token guards it (the login).
      if (rule.method === 'POST' && isCrossSite(c)) return c.text(t('error.csrf'), 403);
      if (rule.roles !== 'public') {
        if (!session) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
        if (!rule.roles.includes(session.user.role)) return c.text(t('error.forbidden'), 403);
      }
      accessOf.set(c, { session, language, t });
      await next();
    });
  }
  // An upload past its limit is refused before any of it is parsed (a body without a
  // Content-Length is counted as it arrives), in the language of the officer uploading.
  app.use(
    DETAINEE_UPLOAD.path,
    bodyLimit({
      maxSize: DETAINEE_UPLOAD.maxBytes,
      onError: (c) => {
        const t = accessOf.get(c)?.t ?? translator(chooseLanguage(undefined, getCookie(c, LANGUAGE_COOKIE), c.req.header('accept-language')));
        return c.text(t('import.tooLarge', { mb: DETAINEE_UPLOAD.maxBytes / 1024 / 1024 }), 413);
      },
    }),
  );
  // Every other form is small (the longest, a review note of 5,000 letters, is about 60 KB
  // URL-encoded): a larger body is refused before it is read, on routes that read the form
  // before they know who is asking (the login) as on the others.
  const formLimit = bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => c.text('Request body too large', 413) });
  app.post('*', (c, next) => (c.req.path === DETAINEE_UPLOAD.path ? next() : formLimit(c, next)));
  app.use('/static/*', serveStatic({ root: staticRoot, rewriteRequestPath: (path) => path.replace(/^\/static/, '') }));

  for (const rule of routeTable()) {
    on(rule)(rule.path, async (c) => {
      const access = accessOf.get(c);
      if (!access) throw new Error(`no access decided for ${rule.method} ${rule.path}`);
      const { session, language, t } = access;
      const { fields: form, files } = rule.method === 'POST' ? await readForm(c) : { fields: {}, files: {} };
      if (rule.roles !== 'public' && rule.method === 'POST' && (!session || !sameSecret(form._csrf, session.csrfToken))) return c.text(t('error.csrf'), 403);
      // PostgreSQL text cannot hold NUL: such a form would end in a database error (a 500).
      if (Object.values(form).some((value) => value.includes('\u0000'))) return c.text(t('error.invalid'), 400);
      const url = new URL(c.req.url);
      const today = config.now?.() ?? new Date();
      return rule.handler(c, { db, config, session, form, files, loginThrottle, language, t, here: url.pathname + url.search, today });
    });
  }
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) {
      console.error(`dashboard: database unavailable on ${c.req.method} ${c.req.path}`);
      c.header('Retry-After', '10');
      return c.html(unavailablePage(), 503);
    }
    // Never echo the error: it may carry personal data from the database.
    console.error(`dashboard error on ${c.req.method} ${c.req.path}: ${error.name}`);
    return c.text('Something went wrong. The error has been logged.', 500);
  });
  return app;
}

/** Sec-Fetch-Site, sent by every current browser: anything but our own pages (or a typed address). */
function isCrossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

interface PostedForm {
  fields: Record<string, string>;
  /** Uploaded files of a multipart form, by field name. */
  files: Record<string, File>;
}

async function readForm(c: Context): Promise<PostedForm> {
  const body = await c.req.parseBody().catch(() => ({}));
  const form: PostedForm = { fields: {}, files: {} };
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') form.fields[key] = value;
    else if (value instanceof File) form.files[key] = value;
  }
  return form;
}
