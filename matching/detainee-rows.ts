// A consulate's list of detained citizens (CSV, as exported from Excel or a consular
// register) read into validated rows. Pure: no database. Every row is checked on its own, so
// one bad line is reported with its number and reason and the others still import.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseName } from './name-parts.ts';

export interface DetaineeRow {
  line: number;
  importKey: string;
  district: string | null;
  latinName: string | null;
  cyrillicName: string | null;
  birthDate: string | null;
  passportNumber: string | null;
  detainedOn: string | null;
  detentionPlace: string | null;
  detentionCentre: string | null;
}

/** What can be wrong with a line: a code a page translates (`reason` says the same in English). */
export type RowProblemKind =
  | 'not_csv'
  | 'no_name_column'
  | 'field_count'
  | 'not_a_date'
  | 'not_calendar_date'
  | 'date_out_of_range'
  | 'latin_letters'
  | 'cyrillic_letters'
  | 'passport_format'
  | 'no_name'
  | 'no_passport_or_birth_date'
  | 'duplicate'
  | 'invalid';

/** One thing wrong with a line; `column` names a date column, never a value (values are personal data). */
export interface RowProblemDetail {
  kind: RowProblemKind;
  column?: string;
  /** field_count: the fields of the line and of the header; duplicate: the line first seen. */
  fields?: number;
  expected?: number;
  firstLine?: number;
}

export interface RowProblem {
  line: number;
  /** In English, for the command line and the log-free report. */
  reason: string;
  problems: RowProblemDetail[];
}

export interface ParsedDetaineeFile {
  rows: DetaineeRow[];
  rejected: RowProblem[];
  /** Data rows in the file (header and empty lines not counted). */
  total: number;
}

/** Header names a consular file may use, to the field they fill. */
const HEADER_ALIASES: Record<string, keyof z.input<typeof rowSchema>> = {
  latin_name: 'latinName', name_latin: 'latinName', full_name_latin: 'latinName', 'фио (лат.)': 'latinName',
  cyrillic_name: 'cyrillicName', name_cyrillic: 'cyrillicName', fio: 'cyrillicName', фио: 'cyrillicName',
  birth_date: 'birthDate', date_of_birth: 'birthDate', dob: 'birthDate', 'дата рождения': 'birthDate',
  passport_number: 'passportNumber', passport: 'passportNumber', паспорт: 'passportNumber',
  detained_on: 'detainedOn', detention_date: 'detainedOn', 'дата задержания': 'detainedOn',
  detention_place: 'detentionPlace', place: 'detentionPlace', 'место задержания': 'detentionPlace',
  detention_centre: 'detentionCentre', detention_center: 'detentionCentre', 'место содержания': 'detentionCentre',
  district: 'district', округ: 'district',
};

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value.trim().replace(/\s+/g, ' ') : null));

/**
 * dd.mm.yyyy or yyyy-mm-dd, a real calendar day, not in the future, not before 1900. Messages
 * name the column, never the value: they are printed and a birth date is personal data.
 */
const calendarDate = (column: string) => optionalText.transform((value, ctx) => {
  if (value === null) return null;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `${column} is not a date (dd.mm.yyyy or yyyy-mm-dd)`, params: { kind: 'not_a_date', column } });
    return z.NEVER;
  }
  const [year, month, day] = value.includes('.') ? [match[3], match[2], match[1]] : [match[1], match[2], match[3]];
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: 'custom', message: `${column} is not a calendar date`, params: { kind: 'not_calendar_date', column } });
    return z.NEVER;
  }
  if (Number(year) < 1900 || parsed.getTime() > Date.now()) {
    ctx.addIssue({ code: 'custom', message: `${column} is before 1900 or in the future`, params: { kind: 'date_out_of_range', column } });
    return z.NEVER;
  }
  return iso;
});

const rowSchema = z
  .object({
    latinName: optionalText.refine((value) => value === null || /^[A-Za-z' .-]+$/.test(value), { message: 'latin_name has non-Latin letters', params: { kind: 'latin_letters' } }),
    cyrillicName: optionalText.refine(
      (value) => value === null || /^[\p{Script=Cyrillic}' .-]+$/u.test(value),
      { message: 'cyrillic_name has non-Cyrillic letters', params: { kind: 'cyrillic_letters' } },
    ),
    birthDate: calendarDate('birth_date'),
    passportNumber: optionalText
      .transform((value) => (value === null ? null : value.replace(/[\s№-]/g, '').toUpperCase()))
      .refine((value) => value === null || /^[A-Z]{0,3}\d{6,9}$/.test(value), { message: 'passport_number is not like AN1234567', params: { kind: 'passport_format' } }),
    detainedOn: calendarDate('detained_on'),
    detentionPlace: optionalText,
    detentionCentre: optionalText,
    district: optionalText,
  })
  .refine((row) => row.latinName !== null || row.cyrillicName !== null, { message: 'no name (latin_name or cyrillic_name)', params: { kind: 'no_name' } })
  .refine(
    (row) => row.passportNumber !== null || row.birthDate !== null,
    { message: 'needs a passport number or a birth date to tell namesakes apart', params: { kind: 'no_passport_or_birth_date' } },
  );

/**
 * The stable identity of a record across imports: its passport number when it has one,
 * otherwise its name (script-neutral canonical words, in order) and birth date.
 */
export function importKeyOf(row: Pick<DetaineeRow, 'passportNumber' | 'latinName' | 'cyrillicName' | 'birthDate'>): string {
  const basis = row.passportNumber
    ? `passport:${row.passportNumber}`
    : `name:${parseName(row.latinName ?? row.cyrillicName ?? '').words.map((word) => word.canonical).join(' ')}|${row.birthDate}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

/** Bytes of an uploaded file to text: UTF-8 (with or without BOM), else Windows-1251 as Russian Excel writes it. */
export function decodeDetaineeFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'win1251');
  }
}

/** A row check's issue as a problem detail: every check above gives its kind (and date column) in `params`; any other is 'invalid'. */
function problemOf(issue: z.core.$ZodIssue): RowProblemDetail {
  const params = (issue as { params?: { kind?: RowProblemKind; column?: string } }).params;
  return { kind: params?.kind ?? 'invalid', ...(params?.column ? { column: params.column } : {}) };
}

export function parseDetaineeCsv(text: string, options: { district?: string | null } = {}): ParsedDetaineeFile {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes with where it ended in the file (csv-parse's types do not say so).
    records = parse(text, { bom: true, delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], rejected: [{ line, reason: `the file is not valid CSV: ${(error as Error).message.split('\n')[0]}`, problems: [{ kind: 'not_csv' }] }], total: 0 };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], rejected: [], total: 0 };
  const fields = header.record.map((name) => HEADER_ALIASES[name.trim().toLowerCase()] ?? null);
  if (!fields.includes('latinName') && !fields.includes('cyrillicName')) {
    return { rows: [], rejected: [{ line: header.info.lines, reason: 'no latin_name or cyrillic_name column in the header', problems: [{ kind: 'no_name_column' }] }], total: data.length };
  }

  const rows: DetaineeRow[] = [];
  const rejected: RowProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      rejected.push({
        line,
        reason: `${record.length} fields where the header has ${header.record.length}`,
        problems: [{ kind: 'field_count', fields: record.length, expected: header.record.length }],
      });
      continue;
    }
    const input: Record<string, string> = {};
    fields.forEach((field, index) => {
      if (field) input[field] = record[index] ?? '';
    });
    const result = rowSchema.safeParse(input);
    if (!result.success) {
      rejected.push({ line, reason: result.error.issues.map((issue) => issue.message).join('; '), problems: result.error.issues.map(problemOf) });
      continue;
    }
    const row = { ...result.data, district: options.district ?? result.data.district };
    const importKey = importKeyOf(row);
    const earlier = firstLineOfKey.get(importKey);
    if (earlier !== undefined) {
      rejected.push({ line, reason: `same person as line ${earlier}`, problems: [{ kind: 'duplicate', firstLine: earlier }] });
      continue;
    }
    firstLineOfKey.set(importKey, line);
    rows.push({ line, importKey, ...row });
  }
  return { rows, rejected, total: data.length };
}
