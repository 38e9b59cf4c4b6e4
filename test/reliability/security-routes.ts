// The routes as the security sweep drives them: which account probes each, a concrete address,
// a valid form to put one payload into, what a page lists, and the state a refusal must keep.
import type { RouteRule } from '../../dashboard/server.ts';
import type { Db } from '../../db/client.ts';
import type { UserRoleName } from '../../db/queries/users.ts';
import { auditLog, follows, matchDecisions, matches, reviews, sessions, users } from '../../db/schema.ts';
import { countRows, type World } from './security-world.ts';

/** The role a route is probed as: the district-bound consular account when it may, so that a widened result shows. */
export function probingRole(rule: RouteRule): UserRoleName | null {
  if (rule.roles === 'public') return null;
  for (const role of ['consular', 'admin', 'ngo', 'analyst'] as const) if (rule.roles.includes(role)) return role;
  return null;
}

export function concretePath(rule: RouteRule, world: World, id?: string): string {
  const ids: [RegExp, number][] = [
    [/^\/cases\//, world.yekaterinburgCases[0]!],
    [/^\/documents\//, world.documentId],
    [/^\/detainees\//, world.detaineeId],
    [/^\/matches\//, world.matchId],
    [/^\/admin\/users\//, world.victimId],
  ];
  const fallback = ids.find(([pattern]) => pattern.test(rule.path))?.[1];
  return rule.path.replace(/:id/, id ?? String(fallback));
}

let accountSerial = 0;
/** A valid form for each state-changing route, so that a payload in one field meets the code behind the others. */
export function validForm(rule: RouteRule): Record<string, string> {
  switch (rule.path) {
    case '/login':
      return { username: 'login-target', password: 'correct horse battery', next: '/' };
    case '/cases/:id/review':
      return { status: 'needs_follow_up', note: 'checked', assignedTo: '', back: '/' };
    case '/cases/:id/follow-person':
      return { name: 'АСАНОВ1 Б.Т.', follow: 'yes' };
    case '/matches/:id/review':
      return { decision: 'rejected' };
    case '/admin/users':
      accountSerial += 1;
      return { username: `sweep-new-${accountSerial}`, displayName: 'New', role: 'ngo', district: '', password: 'a long enough password' };
    case '/settings/language':
      return { language: 'en', back: '/' };
    default:
      return {};
  }
}

/** How many cases a response lists: queue rows, or the trends total; null where nothing is counted. */
export function listedCases(rule: RouteRule, body: string): number | null {
  if (rule.path === '/') return body.match(/<tr data-case-id="/g)?.length ?? 0;
  if (rule.path === '/trends') return Number(body.match(/class="total">[^<\d]*(\d+)/)?.[1] ?? Number.NaN);
  return null;
}

/** What a refused state change must leave as it was. */
export async function stateOf(db: Db): Promise<unknown> {
  return {
    reviews: await db.select().from(reviews).orderBy(reviews.caseId),
    follows: await db.select().from(follows).orderBy(follows.id),
    matches: await db.select().from(matches).orderBy(matches.id),
    decisions: await db.select().from(matchDecisions).orderBy(matchDecisions.id),
    users: await db.select({ id: users.id, disabled: users.disabled, language: users.language }).from(users).orderBy(users.id),
    sessions: await countRows(db, sessions),
    audit: await countRows(db, auditLog),
  };
}
