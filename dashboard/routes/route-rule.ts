import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { SessionUser, UserRoleName } from '../../db/queries/users.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Language, Translate } from '../i18n/dictionary.ts';
import type { Viewer } from '../views/layout.ts';

export interface DashboardConfig {
  /** Set Secure on cookies (when served behind TLS). */
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (auth/client-address.ts); none by default. */
  trustedProxies?: readonly string[];
  now?: () => Date;
}

export interface RouteContext {
  db: Db;
  config: DashboardConfig;
  session: SessionUser | null;
  form: Record<string, string>;
  /** Files uploaded with a multipart POST, by field name (none for other requests). */
  files: Record<string, File>;
  loginThrottle: LoginThrottle;
  language: Language;
  t: Translate;
  /** The page as requested (path and query), to come back to after a form. */
  here: string;
  today: Date;
}

export interface RouteRule {
  method: 'GET' | 'POST';
  path: string;
  /** Roles allowed; 'public' only for the login page. */
  roles: readonly UserRoleName[] | 'public';
  handler: (c: Context, ctx: RouteContext) => Response | Promise<Response>;
}

export const ALL_ROLES: readonly UserRoleName[] = ['admin', 'consular', 'ngo', 'analyst'];
/** Roles that may see individual cases (names of detained people). Analysts see aggregates only. */
export const CASE_READERS: readonly UserRoleName[] = ['admin', 'consular', 'ngo'];
/** Roles that triage cases, and the only ones that see detainee records and crawl health. */
export const TRIAGERS: readonly UserRoleName[] = ['admin', 'consular'];
export const ADMINS: readonly UserRoleName[] = ['admin'];

/** What a page for a logged-in user needs; only called on non-public routes, where the session exists. */
export function viewerOf(ctx: RouteContext): Viewer {
  if (!ctx.session) throw new Error('viewerOf called on a route without a session');
  return { session: ctx.session, language: ctx.language, t: ctx.t, here: ctx.here, today: ctx.today };
}

/**
 * A local path to return to: never another origin (an open redirect). Browsers drop tabs and
 * newlines from a URL and read `\` as `/`, so `/\t/evil.example` would become `//evil.example`.
 */
export function safeLocalPath(path: string | undefined, fallback = '/'): string {
  // eslint-disable-next-line no-control-regex
  return path && path.startsWith('/') && !path.startsWith('//') && !/[\\\u0000-\u001f\u007f]/.test(path) ? path : fallback;
}
