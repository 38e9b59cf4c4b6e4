import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.ts';
import { followCase, followPerson, listFollowedCases, listFollowedPersons, recordPageVisit, unfollowCase, unfollowPerson } from '../../db/queries/follows.ts';
import { followedPage } from '../views/followed.ts';
import { idParam } from './cases.ts';
import { CASE_READERS, viewerOf, type RouteContext, type RouteRule } from './route-rule.ts';
import type { Context } from 'hono';

const FOLLOWED_PAGE = 'followed';
const personForm = z.object({ name: z.string().min(1).max(300), follow: z.enum(['yes', 'no']) });

async function existingCaseId(c: Context, { db }: RouteContext): Promise<number | null> {
  const id = idParam.safeParse(c.req.param('id'));
  if (!id.success) return null;
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, id.data));
  return row?.id ?? null;
}

export const followRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/followed',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const userId = viewer.session.user.id;
      const since = await recordPageVisit(ctx.db, userId, FOLLOWED_PAGE);
      const [rows, persons] = await Promise.all([listFollowedCases(ctx.db, userId, since), listFollowedPersons(ctx.db, userId)]);
      return c.html(followedPage(rows, persons, since, viewer));
    },
  },
  {
    method: 'POST',
    path: '/cases/:id/follow',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const caseId = await existingCaseId(c, ctx);
      if (caseId === null) return c.text(ctx.t('error.notFound'), 404);
      await followCase(ctx.db, ctx.session!.user.id, caseId);
      return c.redirect(`/cases/${caseId}`, 303);
    },
  },
  {
    method: 'POST',
    path: '/cases/:id/unfollow',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const caseId = await existingCaseId(c, ctx);
      if (caseId === null) return c.text(ctx.t('error.notFound'), 404);
      await unfollowCase(ctx.db, ctx.session!.user.id, caseId);
      return c.redirect(`/cases/${caseId}`, 303);
    },
  },
  {
    method: 'POST',
    path: '/cases/:id/follow-person',
    roles: CASE_READERS,
    handler: async (c, ctx) => {
      const caseId = await existingCaseId(c, ctx);
      const form = personForm.safeParse(ctx.form);
      if (caseId === null || !form.success) return c.text(ctx.t('error.invalid'), 400);
      const userId = ctx.session!.user.id;
      if (form.data.follow === 'yes') await followPerson(ctx.db, userId, form.data.name);
      else await unfollowPerson(ctx.db, userId, form.data.name);
      return c.redirect(`/cases/${caseId}`, 303);
    },
  },
];
