import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { cases, documents } from '../../db/schema.ts';
import { getCaseDetail, listAssignableUsers, listFilterOptions, listQueue, reviewStatuses, setReview, type QueueCursor } from '../../db/queries/triage.ts';
import { flaggedFacts } from '../../db/queries/flagged-facts.ts';
import { listCaseMatches } from '../../db/queries/case-matches.ts';
import { followsOnCase } from '../../db/queries/follows.ts';
import { casePage } from '../views/case.ts';
import { queuePage } from '../views/queue.ts';
import { filterQueryString, readCaseFilter, type FilterValues } from './case-filter-query.ts';
import { CASE_READERS, TRIAGERS, safeLocalPath, viewerOf, type RouteRule } from './route-rule.ts';

/** A serial id: beyond int4 PostgreSQL would fail the query, so such ids are simply not found. */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** A queue page's start: `2026-11-20_123` (after case 123 decided that day) or `_123` (no decision date). */
const afterParam = z.string().regex(/^(\d{4}-\d{2}-\d{2})?_\d{1,10}$/);

function readQueueCursor(value: string | undefined): QueueCursor | undefined {
  const parsed = afterParam.safeParse(value);
  if (!parsed.success) return undefined;
  const [date, id] = parsed.data.split('_') as [string, string];
  const caseId = idParam.safeParse(id);
  if (!caseId.success || (date && !isRealDay(date))) return undefined;
  return { decisionDate: date || null, caseId: caseId.data };
}

/** 2026-02-30 matches the pattern but is no day: PostgreSQL would refuse it. */
function isRealDay(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
}

export const queueCursorParam = (cursor: QueueCursor): string => `${cursor.decisionDate ?? ''}_${cursor.caseId}`;

/** A link to the queue with the same filters, from its start or after `cursor`. */
function queueLink(values: FilterValues, cursor?: QueueCursor): string {
  const params = new URLSearchParams(filterQueryString(values).slice(1));
  if (cursor) params.set('after', queueCursorParam(cursor));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
const reviewForm = z.object({
  status: z.enum(reviewStatuses as [string, ...string[]]).transform((s) => s as (typeof reviewStatuses)[number]),
  note: z.string().max(5000).optional(),
  // '' = nobody; absent = leave as it is (the queue's quick buttons send no assignee)
  assignedTo: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
  back: z.string().max(2000).optional(),
});

export const caseRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const { filter, values } = readCaseFilter(c, viewer.session.user.district);
      const after = readQueueCursor(c.req.query('after'));
      // One look at whether the flagged-case facts are current, for the page and the filter options.
      const facts = await flaggedFacts(ctx.db);
      const [page, options] = await Promise.all([listQueue(ctx.db, filter, { after }, facts), listFilterOptions(ctx.db, facts)]);
      const links = { next: page.next ? queueLink(values, page.next) : null, first: after ? queueLink(values) : null };
      return c.html(queuePage(page.rows, options, values, viewer, TRIAGERS.includes(viewer.session.user.role), links));
    },
  },
  {
    method: 'GET',
    path: '/cases/:id',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const user = viewer.session.user;
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return c.text(ctx.t('error.notFound'), 404);
      // Read together: under load every sequential round trip adds a wait for the database.
      const triager = TRIAGERS.includes(user.role);
      const [detail, following, assignable, matches] = await Promise.all([
        getCaseDetail(ctx.db, id.data),
        followsOnCase(ctx.db, user.id, id.data),
        triager ? listAssignableUsers(ctx.db) : null,
        triager ? listCaseMatches(ctx.db, user, id.data) : null,
      ]);
      if (!detail) return c.text(ctx.t('error.notFound'), 404);
      const review = assignable && matches ? { assignable, matches } : null;
      return c.html(casePage({ detail, following, review }, viewer));
    },
  },
  {
    method: 'POST',
    path: '/cases/:id/review',
    roles: TRIAGERS,
    handler: async (c, { db, session, form, t }) => {
      const id = idParam.safeParse(c.req.param('id'));
      const change = reviewForm.safeParse(form);
      if (!id.success || !change.success) return c.text(t('error.invalid'), 400);
      const { status, note, assignedTo, back } = change.data;
      if (typeof assignedTo === 'number' && !(await listAssignableUsers(db)).some((u) => u.id === assignedTo)) {
        return c.text(t('error.invalid'), 400);
      }
      const stored = await setReview(db, id.data, session!.user, {
        status,
        note: note === undefined ? undefined : note.trim() || null,
        assignedTo: assignedTo === undefined ? undefined : assignedTo === '' ? null : assignedTo,
      });
      if (!stored) return c.text(t('error.notFound'), 404);
      return c.redirect(safeLocalPath(back, `/cases/${id.data}`), 303);
    },
  },
  {
    method: 'GET',
    path: '/documents/:id/raw',
    roles: CASE_READERS,
    handler: async (c, { db, session, t }) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return c.text(t('error.notFound'), 404);
      const [doc] = await db.select({ text: documents.text }).from(documents).where(eq(documents.id, id.data));
      if (!doc) return c.text(t('error.notFound'), 404);
      // Stored pages also include entry-ban answers about detainees: other roles see only case pages.
      if (!TRIAGERS.includes(session!.user.role)) {
        const [owner] = await db.select({ id: cases.id }).from(cases).where(eq(cases.documentId, id.data)).limit(1);
        if (!owner) return c.text(t('error.notFound'), 404);
      }
      // The court's HTML is shown as text in a sandbox: it never runs on our origin.
      c.header('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'none'");
      return c.text(doc.text);
    },
  },
];
