import { flaggedFacts } from '../../db/queries/flagged-facts.ts';
import { computeTrends, trendsOf } from '../../db/queries/trends.ts';
import { listFilterOptions } from '../../db/queries/triage.ts';
import { toCsv } from '../export/csv.ts';
import { trendCsvRows, trendTables } from '../views/trend-tables.ts';
import { trendsPage } from '../views/trends.ts';
import { readCaseFilter } from './case-filter-query.ts';
import { ALL_ROLES, viewerOf, type RouteRule } from './route-rule.ts';

export const trendRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/trends',
    roles: ALL_ROLES,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const { filter, values } = readCaseFilter(c, viewer.session.user.district);
      const facts = await flaggedFacts(ctx.db);
      const [trends, options] = [trendsOf(facts, filter), await listFilterOptions(ctx.db, facts)];
      return c.html(trendsPage(trends.totalCases, trendTables(trends, ctx.t), options, values, viewer));
    },
  },
  {
    method: 'GET',
    path: '/trends.csv',
    roles: ALL_ROLES,
    handler: async (c, ctx) => {
      const { filter } = readCaseFilter(c, ctx.session!.user.district);
      const trends = await computeTrends(ctx.db, filter);
      const day = ctx.today.toISOString().slice(0, 10);
      c.header('Content-Disposition', `attachment; filename="kuzet-trends-${day}.csv"`);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      // A byte-order mark, so that Excel reads the Cyrillic labels as UTF-8.
      return c.body(`\uFEFF${toCsv(trendCsvRows(trendTables(trends, ctx.t), ctx.t))}`);
    },
  },
];
