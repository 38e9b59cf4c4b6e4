import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { SessionUser, UserRoleName } from '../../db/queries/users.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';

export interface DashboardConfig {
  /** Set Secure on cookies (when served behind TLS). */
  secureCookies: boolean;
  now?: () => Date;
}

export interface RouteContext {
  db: Db;
  config: DashboardConfig;
  session: SessionUser | null;
  form: Record<string, string>;
  loginThrottle: LoginThrottle;
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
/** Roles that triage cases. */
export const TRIAGERS: readonly UserRoleName[] = ['admin', 'consular'];
