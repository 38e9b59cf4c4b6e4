// Detainee records and their candidate matches: consular data, admin and consular only
// (the queries refuse other roles too, so a wrong rule here would still not leak them).
import { z } from 'zod';
import { getDetainee } from '../../db/queries/detainees.ts';
import { listMatches, reviewMatch } from '../../db/queries/matches.ts';
import { caseOfMatch } from '../../db/queries/case-matches.ts';
import { detaineePage } from '../views/detainee.ts';
import { idParam } from './cases.ts';
import { TRIAGERS, viewerOf, type RouteRule } from './route-rule.ts';

const decisionForm = z.object({ decision: z.enum(['confirmed', 'rejected']) });

export const detaineeRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/detainees/:id',
    roles: TRIAGERS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const user = viewer.session.user;
      const id = idParam.safeParse(c.req.param('id'));
      const detainee = id.success ? await getDetainee(ctx.db, user, id.data) : null;
      if (!detainee) return c.text(ctx.t('error.notFound'), 404);
      const matches = await listMatches(ctx.db, user, { detaineeId: detainee.id });
      return c.html(detaineePage(detainee, matches, viewer));
    },
  },
  {
    method: 'POST',
    path: '/matches/:id/review',
    roles: TRIAGERS,
    handler: async (c, { db, session, form, t }) => {
      const id = idParam.safeParse(c.req.param('id'));
      const decision = decisionForm.safeParse(form);
      if (!id.success || !decision.success) return c.text(t('error.invalid'), 400);
      const caseId = await caseOfMatch(db, id.data);
      if (caseId === null) return c.text(t('error.notFound'), 404);
      await reviewMatch(db, id.data, session!.user, decision.data.decision);
      return c.redirect(`/cases/${caseId}`, 303);
    },
  },
];
