import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema.ts';
import { getCaseDetail, listQueue, reviewStatuses, setReview } from '../../db/queries/triage.ts';
import { casePage } from '../views/case.ts';
import { queuePage } from '../views/queue.ts';
import { CASE_READERS, TRIAGERS, type RouteRule } from './route-rule.ts';

const caseIdParam = z.coerce.number().int().positive();
const reviewForm = z.object({
  status: z.enum(reviewStatuses as [string, ...string[]]).transform((s) => s as (typeof reviewStatuses)[number]),
  note: z.string().max(5000).optional(),
});

export const caseRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/',
    roles: CASE_READERS,
    handler: async (c, { db, session, config }) => {
      const rows = await listQueue(db, ['new', 'needs_follow_up']);
      return c.html(queuePage(rows, session!, config.now?.() ?? new Date()));
    },
  },
  {
    method: 'GET',
    path: '/cases/:id',
    roles: CASE_READERS,
    handler: async (c, { db, session, config }) => {
      const id = caseIdParam.safeParse(c.req.param('id'));
      const detail = id.success ? await getCaseDetail(db, id.data) : null;
      if (!detail) return c.text('No such case', 404);
      const canReview = TRIAGERS.includes(session!.user.role);
      return c.html(casePage(detail, session!, canReview, config.now?.() ?? new Date()));
    },
  },
  {
    method: 'POST',
    path: '/cases/:id/review',
    roles: TRIAGERS,
    handler: async (c, { db, session, form }) => {
      const id = caseIdParam.safeParse(c.req.param('id'));
      const change = reviewForm.safeParse(form);
      if (!id.success || !change.success) return c.text('Invalid review', 400);
      const note = change.data.note?.trim() || null;
      const stored = await setReview(db, id.data, session!.user, { status: change.data.status, note });
      if (!stored) return c.text('No such case in the triage queue', 404);
      return c.redirect(`/cases/${id.data}`, 303);
    },
  },
  {
    method: 'GET',
    path: '/documents/:id/raw',
    roles: CASE_READERS,
    handler: async (c, { db }) => {
      const id = caseIdParam.safeParse(c.req.param('id'));
      if (!id.success) return c.text('No such document', 404);
      const [doc] = await db.select({ text: documents.text }).from(documents).where(eq(documents.id, id.data));
      if (!doc) return c.text('No such document', 404);
      // The court's HTML is shown as text in a sandbox: it never runs on our origin.
      c.header('Content-Security-Policy', 'sandbox; default-src none');
      return c.text(doc.text);
    },
  },
];
