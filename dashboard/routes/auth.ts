import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  createSession,
  deleteSession,
  findUserByName,
  isLockedOut,
  recordFailedLogin,
  recordSuccessfulLogin,
  writeAudit,
} from '../../db/queries/users.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../auth/cookies.ts';
import { loginPage } from '../views/login.ts';
import { isLanguage, translator } from '../i18n/dictionary.ts';
import { setLanguageCookie } from '../i18n/language-cookie.ts';
import { ALL_ROLES, safeLocalPath, type RouteContext, type RouteRule } from './route-rule.ts';
import { clientAddress } from '../auth/client-address.ts';

const frameOf = ({ language, t, here }: RouteContext) => ({ session: null, language, t, here });

const loginForm = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), next: z.string().optional() });

/** Only local paths: an open redirect would let a phishing link pass through our login. */
export const safeNext = (next: string | undefined): string => safeLocalPath(next);

let decoy: Promise<string> | undefined;
/** A hash nobody knows the password of, checked for unknown names so that they take as long as real ones. */
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

function loginClient(c: Parameters<RouteRule['handler']>[0], trustedProxies: readonly string[] = []): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), trustedProxies);
}

export const authRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/login',
    roles: 'public',
    handler: (c, ctx) => {
      // Before login the language can only live in a cookie: ?lang= sets it.
      const chosen = c.req.query('lang');
      if (!isLanguage(chosen)) return c.html(loginPage(null, safeNext(c.req.query('next')), frameOf(ctx)));
      setLanguageCookie(c, chosen, ctx.config.secureCookies);
      return c.html(loginPage(null, safeNext(c.req.query('next')), { ...frameOf(ctx), language: chosen, t: translator(chosen) }));
    },
  },
  {
    method: 'POST',
    path: '/login',
    roles: 'public',
    handler: async (c, ctx) => {
      const { db, config, form, loginThrottle, t } = ctx;
      const parsed = loginForm.safeParse(form);
      const next = safeNext(form.next);
      const refuse = (message: string, status: 401 | 429) => c.html(loginPage(message, next, frameOf(ctx)), status);
      const client = loginClient(c, config.trustedProxies);
      if (!loginThrottle.allow(client)) return refuse(t('login.throttled'), 429);
      if (!parsed.success) return refuse(t('login.wrong'), 401);
      const name = parsed.data.username;
      // Locked for this client only: someone else's wrong passwords do not lock the owner out.
      if (loginThrottle.isLockedFor(name, client)) return refuse(t('login.locked'), 429);
      const user = await findUserByName(db, name);
      // An unknown name and a disabled account answer a wrong password exactly like an account does
      // (and lock alike), after a password check of the same cost: nothing tells which names exist.
      // Only the right password learns that an account is disabled.
      if (!user || user.disabled) {
        if (loginThrottle.isNameLocked(name)) return refuse(t('login.locked'), 429);
        if (await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoyHash()))) return refuse(t('login.locked'), 429);
        loginThrottle.recordFailure(name, client, true);
        return refuse(t('login.wrong'), 401);
      }
      if (isLockedOut(user)) return refuse(t('login.locked'), 429);
      if (!(await verifyPassword(parsed.data.password, user.passwordHash))) {
        loginThrottle.recordFailure(name, client, false);
        await recordFailedLogin(db, user);
        await writeAudit(db, { user, action: 'login.failed' });
        return refuse(t('login.wrong'), 401);
      }
      loginThrottle.recordSuccess(name, client);
      await recordSuccessfulLogin(db, user);
      // A fresh token at every login: a session id planted before login is worthless.
      const { token } = await createSession(db, user.id);
      setSessionCookie(c, token, config.secureCookies);
      await writeAudit(db, { user, action: 'login' });
      const home = user.role === 'analyst' ? '/trends' : '/';
      return c.redirect(next === '/' ? home : next, 303);
    },
  },
  {
    method: 'POST',
    path: '/logout',
    roles: ALL_ROLES,
    handler: async (c, { db, session }) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(db, token);
      clearSessionCookie(c);
      if (session) await writeAudit(db, { user: session.user, action: 'logout' });
      return c.redirect('/login', 303);
    },
  },
];
