// The trend tables as shown: labels in the user's language. The page and the CSV export are
// both written from these, so the export is exactly what is on the screen.
import type { Trends, TrendCount } from '../../db/queries/trends.ts';
import { outcomeKinds, type OutcomeKindName } from '../../db/queries/case-filters.ts';
import type { MessageKey, Translate } from '../i18n/dictionary.ts';
import { formatDate } from './layout.ts';

export interface TrendTable {
  id: 'month' | 'region' | 'article' | 'outcome' | 'gender';
  title: MessageKey;
  /** What is counted: cases, or persons for the gender table. */
  unit: 'col.count' | 'col.persons';
  rows: { label: string; count: number }[];
}

const isOutcome = (key: string): key is OutcomeKindName => (outcomeKinds as string[]).includes(key);

function monthLabel(key: string): string {
  return key ? formatDate(`${key}-01`).slice(3) : '—';
}

export function trendTables(trends: Trends, t: Translate): TrendTable[] {
  const rows = (counts: TrendCount[], label: (row: TrendCount) => string) => counts.map((row) => ({ label: label(row), count: row.count }));
  return [
    { id: 'month', title: 'trends.byMonth', unit: 'col.count', rows: rows(trends.byMonth, (r) => monthLabel(r.key)) },
    { id: 'region', title: 'trends.byRegion', unit: 'col.count', rows: rows(trends.byRegion, (r) => (r.key ? `${r.key} ${r.name ?? ''}`.trim() : '—')) },
    { id: 'article', title: 'trends.byArticle', unit: 'col.count', rows: rows(trends.byArticle, (r) => r.key) },
    { id: 'outcome', title: 'trends.byOutcome', unit: 'col.count', rows: rows(trends.byOutcome, (r) => (isOutcome(r.key) ? t(`outcome.${r.key}`) : r.key)) },
    {
      id: 'gender',
      title: 'trends.byGender',
      unit: 'col.persons',
      rows: rows(trends.byGender, (r) => (r.key === 'm' || r.key === 'f' || r.key === 'unknown' ? t(`gender.${r.key}`) : r.key)),
    },
  ];
}

/** One line per shown row: table, value, count. */
export function trendCsvRows(tables: TrendTable[], t: Translate): (string | number)[][] {
  return [['table', t('trends.key'), t('trends.count')], ...tables.flatMap((table) => table.rows.map((row) => [table.id, row.label, row.count]))];
}
