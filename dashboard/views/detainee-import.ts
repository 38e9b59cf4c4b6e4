// What an upload of a consulate file did: counts, the rejected lines with their reasons, and
// the candidate matches found. Reasons may quote a cell of the file: escaped by `html`.
import { html } from 'hono/html';
import type { ImportReport } from '../../db/queries/detainees.ts';
import type { MessageKey, Translate } from '../i18n/dictionary.ts';
import type { RowProblem, RowProblemKind } from '../../matching/detainee-rows.ts';
import { layout, type Html, type Viewer } from './layout.ts';

/** Matching after an import: its counts, not run (nothing changed), or failed (the records stay). */
export type MatchingAfterImport = { candidates: number; newCandidates: number } | 'not-run' | 'failed';

/** A page lists this many rejected lines at most; the rest are counted. */
const REJECTED_SHOWN = 1000;

export function importResultPage(report: ImportReport, matching: MatchingAfterImport, viewer: Viewer): Html {
  const { t } = viewer;
  const counts: [string, MessageKey, number][] = [
    ['rows', 'import.rows', report.rows],
    ['new', 'import.new', report.inserted],
    ['updated', 'import.updated', report.updated],
    ['unchanged', 'import.unchanged', report.unchanged],
    ['rejected', 'import.rejected', report.rejected.length],
  ];
  const shown = report.rejected.slice(0, REJECTED_SHOWN);
  const body = html`<h1>${t('import.result')}</h1>
    <table class="import-counts">
      <tbody>
        ${counts.map(([name, label, n]) => html`<tr><th>${t(label)}</th><td class="count" data-count="${name}">${n}</td></tr>`)}
      </tbody>
    </table>
    <p role="status">${matchingLine(matching, viewer)}</p>
    ${shown.length > 0
      ? html`<h2>${t('import.rejectedLines')}</h2>
          <table class="import-rejected">
            <thead>
              <tr><th>${t('col.line')}</th><th>${t('col.reason')}</th></tr>
            </thead>
            <tbody>
              ${shown.map((problem) => html`<tr><td class="count">${problem.line}</td><td>${problemText(problem, t)}</td></tr>`)}
            </tbody>
          </table>
          ${report.rejected.length > shown.length ? html`<p>${t('import.moreRejected', { n: report.rejected.length - shown.length })}</p>` : ''}`
      : ''}
    <p><a href="/detainees">${t('import.back')}</a></p>`;
  return layout(t('import.result'), body, viewer);
}

const PROBLEM_MESSAGES: Record<RowProblemKind, MessageKey> = {
  not_csv: 'import.problem.not_csv',
  no_name_column: 'import.problem.no_name_column',
  field_count: 'import.problem.field_count',
  not_a_date: 'import.problem.not_a_date',
  not_calendar_date: 'import.problem.not_calendar_date',
  date_out_of_range: 'import.problem.date_out_of_range',
  latin_letters: 'import.problem.latin_letters',
  cyrillic_letters: 'import.problem.cyrillic_letters',
  passport_format: 'import.problem.passport_format',
  no_name: 'import.problem.no_name',
  no_passport_or_birth_date: 'import.problem.no_passport_or_birth_date',
  duplicate: 'import.problem.duplicate',
  invalid: 'import.problem.invalid',
};

/** A rejected line's problems in the page's language; a CSV syntax error adds the parser's own (English) words. */
function problemText(problem: RowProblem, t: Translate): string {
  const said = problem.problems.map(({ kind, column, fields, expected, firstLine }) =>
    t(PROBLEM_MESSAGES[kind], { column: column ?? '', fields: fields ?? '', expected: expected ?? '', line: firstLine ?? '' }),
  );
  const text = said.join('; ');
  return problem.problems.some((p) => p.kind === 'not_csv') ? `${text} (${problem.reason})` : text;
}

function matchingLine(matching: MatchingAfterImport, { t }: Viewer): string {
  if (matching === 'not-run') return t('import.noMatching');
  if (matching === 'failed') return t('import.matchingFailed');
  return t('import.matches', { n: matching.candidates, new: matching.newCandidates });
}

/** The import's transaction failed: nothing changed. No error text (it can quote a row). */
export function importFailedPage(viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('import.result')}</h1>
    <p class="error" role="alert">${t('import.failed')}</p>
    <p><a href="/detainees">${t('import.back')}</a></p>`;
  return layout(t('import.result'), body, viewer);
}
