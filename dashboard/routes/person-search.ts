// GET /search: find a person by name among court persons (and detainee records for consular
// staff). The query layer refuses analysts and audits every search (without the name).
import { z } from 'zod';
import { PERSON_SEARCH_ROLES, searchPersons } from '../../db/queries/person-search.ts';
import { personSearchPage } from '../views/person-search.ts';
import { viewerOf, type RouteRule } from './route-rule.ts';

const searchQuery = z.object({
  name: z.string().trim().min(2).max(200),
  birthDate: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
});

export const personSearchRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/search',
    roles: PERSON_SEARCH_ROLES,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const raw = { name: c.req.query('name') ?? '', birthDate: c.req.query('birthDate') ?? '' };
      const form = { name: raw.name.slice(0, 200), birthDate: /^\d{4}-\d{2}-\d{2}$/.test(raw.birthDate) ? raw.birthDate : '' };
      if (raw.name.trim() === '') return c.html(personSearchPage(form, null, viewer));
      const query = searchQuery.safeParse(raw);
      if (!query.success) return c.html(personSearchPage(form, null, viewer), 400);
      const hits = await searchPersons(ctx.db, { name: query.data.name, birthDate: query.data.birthDate ?? null }, viewer.session.user);
      return c.html(personSearchPage(form, hits, viewer));
    },
  },
];
