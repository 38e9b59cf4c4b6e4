// A sudrf case card, in either layout, to a CaseCard. Primary layout: div.casenumber, tabs
// div#contN with table#tablcont, act in div#cont_doc1. "VNKOD" layout: div.case-num,
// #tab_content_Case / #tab_content_PersonList, act in #tab_content_Document1.
import { load, type CheerioAPI } from 'cheerio';
import { caseCardSchema, type CaseCard, type CaseParty, type CaseTypeName } from '../../../db/case-card.ts';
import { blockText, cellText } from './html-text.ts';

export interface ParseFailure {
  failure: true;
  reason: string;
}

const CASE_TYPE_BY_DELO_ID: Record<string, CaseTypeName> = {
  '1500001': 'koap',
  '1502001': 'koap_appeal',
  '1540006': 'criminal',
  '1540005': 'criminal',
  '41': 'kas',
  '1540001': 'civil',
};

export function ruDateToIso(value: string | undefined | null): string | null {
  const match = value?.match(/(\d{2})\.(\d{2})\.(\d{4})/);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

function caseTypeOf(pageUrl: string, $: CheerioAPI): CaseTypeName {
  const deloId = new URL(pageUrl, 'http://x').searchParams.get('delo_id') ?? new URL(pageUrl, 'http://x').searchParams.get('_deloId');
  if (deloId && CASE_TYPE_BY_DELO_ID[deloId]) return CASE_TYPE_BY_DELO_ID[deloId];
  const title = $('div.title, div.name-instanse').first().text();
  if (/административных правонарушениях/i.test(title)) return 'koap';
  if (/уголовн/i.test(title)) return 'criminal';
  if (/КАС|административного судопроизводства/i.test(title)) return 'kas';
  if (/Гражданск/i.test(title)) return 'civil';
  return 'other';
}

/** Label → value pairs of the two-column «ДЕЛО» tables (both layouts). */
function caseFacts($: CheerioAPI): Map<string, string> {
  const facts = new Map<string, string>();
  $('#cont1 tr, #tab_content_Case tr').each((_, row) => {
    const cells = $(row).children('td');
    if (cells.length !== 2) return;
    const label = cellText($, cells[0]!).replace(/:$/, '');
    if (label && !facts.has(label)) facts.set(label, cellText($, cells[1]!));
  });
  return facts;
}

function firstFact(facts: Map<string, string>, ...labels: string[]): string | null {
  for (const label of labels) {
    const value = facts.get(label);
    if (value) return value;
  }
  return null;
}

const NAME_HEADER = /Фамилия|Лицо, участвующее в деле/i;

/** The parties table: the one whose header names «Фамилия / наименование» (or «Лицо, участвующее в деле»). */
function parties($: CheerioAPI): CaseParty[] {
  const found: CaseParty[] = [];
  $('table').each((_, table) => {
    const rows = $(table).find('tr').toArray();
    const headerIndex = rows.findIndex((row) => NAME_HEADER.test($(row).text()) && $(row).children('td,th').length >= 3);
    if (headerIndex < 0 || found.length > 0) return;
    const header = $(rows[headerIndex]!).children('td,th').toArray().map((cell) => cellText($, cell));
    const nameCol = header.findIndex((h) => NAME_HEADER.test(h));
    // Criminal cards list the accused in a «ЛИЦА» tab without a role column.
    const tableTitle = cellText($, $(table).find('th').first()[0] ?? table);
    const roleCol = header.findIndex((h) => /Вид лица|Процессуальный статус/i.test(h));
    const articlesCol = header.findIndex((h) => /стат(ей|ьи|ья)/i.test(h));
    for (const row of rows.slice(headerIndex + 1)) {
      const cells = $(row).children('td').toArray().map((cell) => cellText($, cell));
      const name = cells[nameCol];
      if (!name) continue;
      found.push({
        roleAsWritten: roleCol >= 0 ? (cells[roleCol] ?? '') : tableTitle,
        name,
        articles: articlesCol >= 0 && cells[articlesCol] ? cells[articlesCol]! : null,
      });
    }
  });
  return found;
}

function actText($: CheerioAPI): string | null {
  const act = $('#cont_doc1, #tab_content_Document1').first();
  if (act.length === 0) return null;
  const text = blockText($, act[0]!);
  return text.length > 0 ? text : null;
}

function actUrl($: CheerioAPI, pageUrl: string): string | null {
  const href = $('a[href*="name_op=doc"]').first().attr('href');
  return href ? new URL(href, pageUrl).toString() : null;
}

export function parseCaseCard(html: string, pageUrl: string): CaseCard | ParseFailure {
  const $ = load(html);
  const numberText = cellText($, $('div.casenumber, div.case-num').first()[0] ?? $.root()[0]!);
  const caseNumber = numberText.match(/№\s*([^\s(~]+)/)?.[1] ?? null;
  if (!/<\/html>/i.test(html)) return { failure: true, reason: 'truncated page (no closing </html>)' };
  if (!caseNumber) return { failure: true, reason: 'no case number (div.casenumber / div.case-num) on the page' };
  const facts = caseFacts($);
  const card = {
    caseNumber,
    caseUid: firstFact(facts, 'Уникальный идентификатор дела')?.split(' ')[0] ?? null,
    caseType: caseTypeOf(pageUrl, $),
    courtName: cellText($, $('.heading_title').first()[0] ?? $('title')[0] ?? $.root()[0]!) || null,
    receivedDate: ruDateToIso(firstFact(facts, 'Дата поступления')),
    decisionDate: ruDateToIso(firstFact(facts, 'Дата рассмотрения', 'Дата решения', 'Дата вынесения решения')),
    judge: firstFact(facts, 'Судья', 'Председательствующий судья', 'Докладчик'),
    result: firstFact(facts, 'Результат рассмотрения', 'Решение', 'Результат'),
    articles: firstFact(facts, 'Статья КоАП РФ', 'Статья', 'Категория', 'Категория дела'),
    parties: parties($),
    actText: actText($),
    actUrl: actUrl($, pageUrl),
  };
  const checked = caseCardSchema.safeParse(card);
  return checked.success ? checked.data : { failure: true, reason: `card fields invalid: ${checked.error.issues[0]?.message}` };
}
