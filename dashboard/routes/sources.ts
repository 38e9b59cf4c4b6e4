import { loadSourcesHealth } from '../../db/queries/sources-health.ts';
import { sourcesPage } from '../views/sources.ts';
import { TRIAGERS, viewerOf, type RouteRule } from './route-rule.ts';

export const sourceRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/sources',
    roles: TRIAGERS,
    handler: async (c, ctx) => c.html(sourcesPage(await loadSourcesHealth(ctx.db, ctx.today), viewerOf(ctx))),
  },
];
