// Detainee records and their candidate matches: consular data, admin and consular only
// (the queries refuse other roles too, so a wrong rule here would still not leak them).
import { z } from 'zod';
import type { Context } from 'hono';
import { countDetainees, getDetainee, importDetainees, listDetainees, type Actor, type ImportReport } from '../../db/queries/detainees.ts';
import { listMatches, refreshMatches, reviewMatch } from '../../db/queries/matches.ts';
import { caseOfMatch } from '../../db/queries/case-matches.ts';
import { isDatabaseUnavailable } from '../../db/errors.ts';
import { decodeDetaineeFile } from '../../matching/detainee-rows.ts';
import { DISTRICTS, isDistrict, type DistrictName } from '../config/districts.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { detaineePage } from '../views/detainee.ts';
import { detaineeListPage, type DetaineeListing } from '../views/detainee-list.ts';
import { importFailedPage, importResultPage, type MatchingAfterImport } from '../views/detainee-import.ts';
import { idParam } from './cases.ts';
import { TRIAGERS, viewerOf, type RouteContext, type RouteRule } from './route-rule.ts';

const decisionForm = z.object({ decision: z.enum(['confirmed', 'rejected']) });

/** Where a consulate file is posted, and its size limit (enforced in server.ts before parsing). */
export const DETAINEE_UPLOAD = { path: '/detainees/import', maxBytes: 5 * 1024 * 1024 } as const;

const PAGE_SIZE = 100;
const pageQuery = z.coerce.number().int().min(1).max(1_000_000);
/** Blank: each row keeps the district column of the file (or none). */
const importForm = z.object({ district: z.union([z.literal(''), z.enum(DISTRICTS)]).default('') });

export const detaineeRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/detainees',
    roles: TRIAGERS,
    handler: async (c, ctx) => {
      // A bad page or district is dropped rather than refused: a stale bookmark still opens the list.
      const page = pageQuery.safeParse(c.req.query('page'));
      const district = c.req.query('district');
      const listing = await listingOf(ctx, page.success ? page.data : 1, isDistrict(district) ? district : null);
      return c.html(detaineeListPage(listing, DETAINEE_UPLOAD, null, viewerOf(ctx)));
    },
  },
  {
    method: 'POST',
    path: DETAINEE_UPLOAD.path,
    roles: TRIAGERS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const options = importForm.safeParse(ctx.form);
      if (!options.success) return c.text(ctx.t('error.invalid'), 400);
      const upload = await readUpload(ctx.files.file);
      if ('refusal' in upload) return refuse(c, ctx, upload.refusal);
      const { user } = viewer.session;
      const actor: Actor = { id: user.id, username: user.username, role: user.role };
      let report: ImportReport;
      try {
        report = await importDetainees(ctx.db, upload.text, { district: options.data.district || null }, actor);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        // One transaction: nothing was stored. The database's text can quote a row; only its code is logged.
        console.error(`dashboard: detainee import failed: ${errorCode(error)}`);
        return c.html(importFailedPage(viewer), 500);
      }
      return c.html(importResultPage(report, await matchAfterImport(ctx, report), viewer));
    },
  },
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

async function listingOf(ctx: RouteContext, page: number, district: DistrictName | null): Promise<DetaineeListing> {
  const user = viewerOf(ctx).session.user;
  const filter = district ? { district } : {};
  const [rows, total] = await Promise.all([
    listDetainees(ctx.db, user, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countDetainees(ctx.db, user, filter),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (to: number) => {
    const query = new URLSearchParams({ ...(district ? { district } : {}), ...(to > 1 ? { page: String(to) } : {}) }).toString();
    return query ? `/detainees?${query}` : '/detainees';
  };
  return {
    rows,
    total,
    page,
    pages,
    district,
    links: { previous: page > 1 ? link(Math.min(page - 1, pages)) : null, next: page < pages ? link(page + 1) : null },
  };
}

/** The list again, with why the upload was not imported above its form. */
async function refuse(c: Context, ctx: RouteContext, refusal: MessageKey): Promise<Response> {
  const listing = await listingOf(ctx, 1, null);
  return c.html(detaineeListPage(listing, DETAINEE_UPLOAD, ctx.t(refusal), viewerOf(ctx)), 400);
}

// Spreadsheets saved under another name still start as one: a zip (.xlsx) or an OLE file (.xls).
const SPREADSHEET_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/** The uploaded file as text, or why it cannot be imported (with the advice the CLI gives). */
async function readUpload(file: File | undefined): Promise<{ text: string } | { refusal: MessageKey }> {
  if (!file || file.size === 0) return { refusal: 'import.noFile' };
  if (/\.xlsx?$/i.test(file.name)) return { refusal: 'import.spreadsheet' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (SPREADSHEET_MAGIC.some((magic) => magic.every((byte, index) => bytes[index] === byte))) return { refusal: 'import.spreadsheet' };
  const text = decodeDetaineeFile(bytes);
  // PostgreSQL text cannot hold NUL, and no CSV export writes one: this is some other kind of file.
  if (text.includes('\u0000')) return { refusal: 'import.notText' };
  return { text };
}

/** As the CLI: matching runs when records were added or changed; its failure leaves them stored. */
async function matchAfterImport(ctx: RouteContext, report: ImportReport): Promise<MatchingAfterImport> {
  if (report.inserted + report.updated === 0) return 'not-run';
  try {
    const summary = await refreshMatches(ctx.db);
    return { candidates: summary.candidates, newCandidates: summary.newCandidates };
  } catch (error) {
    // The records are committed whatever happened here: the page says so rather than a 503.
    console.error(`dashboard: matching after a detainee import failed: ${errorCode(error)}`);
    return 'failed';
  }
}

/** A database error's SQLSTATE (or the error's class): never its message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}
