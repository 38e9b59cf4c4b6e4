// A sudrf case card, in either layout, to a CaseCard. Primary layout: div.casenumber, tabs
// div#contN with table#tablcont, act in div#cont_doc1. "VNKOD" layout: div.case-num,
// #tab_content_Case / #tab_content_PersonList, act in #tab_content_Document1.
import { load, type CheerioAPI } from 'cheerio';
import { caseCardSchema, type CaseCard, type CaseParty, type CaseTypeName } from '../../../db/case-card.ts';
import { ruDateToIso } from './dates.ts';
import { blockText, cellText, isTruncated } from './html-text.ts';
import { deloIdOf, resolveCourtUrl } from './urls.ts';

export { ruDateToIso };

export interface ParseFailure {
  failure: true;
  reason: string;
}

// delo_id values whose case type is unambiguous. Civil and КАС share some ids (5, 1540005,
// 2800001…): those are told apart by the title and the number («33а-…» is КАС).
const CASE_TYPE_BY_DELO_ID: Record<string, CaseTypeName> = {
  '1500001': 'koap',
  '1502001': 'koap_appeal',
  '2550001': 'koap_appeal', // КоАП cassation
  '1540006': 'criminal',
  '4': 'criminal', // appeal
  '2450001': 'criminal', // cassation
  '41': 'kas',
};

function caseTypeOf(pageUrl: string, $: CheerioAPI, caseNumber: string): CaseTypeName {
  const byId = CASE_TYPE_BY_DELO_ID[deloIdOf(pageUrl) ?? ''];
  if (byId) return byId;
  const title = $('div.title, div.name-instanse').first().text();
  if (/административных правонарушениях/i.test(title)) return /первая инстанция/i.test(title) ? 'koap' : 'koap_appeal';
  if (/Уголовн/i.test(title)) return 'criminal';
  // КАС case numbers carry «а» after the category digits: 2а-…, 33а-…, 8а-…
  if (/^\d+а-/i.test(caseNumber) || /\(КАС\)|КАС РФ|административного судопроизводства/.test(title)) return 'kas';
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

/** The parties table: the first whose header names «Фамилия / наименование» (or «Лицо, участвующее в деле»). */
function parties($: CheerioAPI): CaseParty[] {
  for (const table of $('table').toArray()) {
    const rows = $(table).find('tr').toArray();
    const headerIndex = rows.findIndex((row) => NAME_HEADER.test($(row).text()) && $(row).children('td,th').length >= 3);
    if (headerIndex < 0) continue;
    const header = $(rows[headerIndex]!).children('td,th').toArray().map((cell) => cellText($, cell));
    const nameCol = header.findIndex((h) => NAME_HEADER.test(h));
    const roleCol = header.findIndex((h) => /Вид лица|Процессуальный статус/i.test(h));
    const articlesCol = header.findIndex((h) => /стат(ей|ьи|ья)/i.test(h));
    // Criminal cards list the accused in a «ЛИЦА» tab without a role column: the tab title is the role.
    const tableTitle = cellText($, $(table).find('th').first()[0] ?? table);
    const found: CaseParty[] = [];
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
    if (found.length > 0) return found;
  }
  return [];
}

function actText($: CheerioAPI): string | null {
  const act = $('#cont_doc1, #tab_content_Document1').first();
  if (act.length === 0) return null;
  const text = blockText($, act[0]!);
  return text.length > 0 ? text : null;
}

function actUrl($: CheerioAPI, pageUrl: string): string | null {
  const href = $('a[href*="name_op=doc"], a[href*="_doc="]').first().attr('href');
  return resolveCourtUrl(href, pageUrl);
}

/**
 * The card's article line: an article row if the card has one, else the parties' articles
 * (primary cards list them only there), else the case category (civil and КАС cards).
 */
function articlesOf(facts: Map<string, string>, found: CaseParty[]): string | null {
  const header = firstFact(facts, 'Статья КоАП РФ', 'Статья УК РФ', 'Статья');
  if (header) return header;
  const fromParties = [...new Set(found.map((party) => party.articles).filter((a): a is string => Boolean(a)))];
  if (fromParties.length > 0) return fromParties.join('; ');
  return firstFact(facts, 'Категория', 'Категория дела');
}

export function parseCaseCard(html: string, pageUrl: string): CaseCard | ParseFailure {
  if (isTruncated(html)) return { failure: true, reason: 'truncated page (no closing </html>)' };
  const $ = load(html);
  const numberNode = $('div.casenumber, div.case-num').first()[0];
  if (!numberNode) return { failure: true, reason: 'not a case card: no div.casenumber / div.case-num' };
  const caseNumber = cellText($, numberNode).match(/№\s*([^\s(~]+)/)?.[1] ?? null;
  if (!caseNumber) return { failure: true, reason: 'no case number in div.casenumber / div.case-num' };
  const facts = caseFacts($);
  const found = parties($);
  const courtNode = $('.heading_title').first()[0] ?? $('title')[0];
  const card = {
    caseNumber,
    caseUid: firstFact(facts, 'Уникальный идентификатор дела')?.split(' ')[0] ?? null,
    caseType: caseTypeOf(pageUrl, $, caseNumber),
    courtName: (courtNode ? cellText($, courtNode) : '') || null,
    receivedDate: ruDateToIso(firstFact(facts, 'Дата поступления')),
    decisionDate: ruDateToIso(firstFact(facts, 'Дата рассмотрения', 'Дата решения', 'Дата вынесения решения')),
    judge: firstFact(facts, 'Судья', 'Председательствующий судья', 'Докладчик', 'Судья-докладчик'),
    result: firstFact(facts, 'Результат рассмотрения', 'Решение', 'Результат'),
    articles: articlesOf(facts, found),
    parties: found,
    actText: actText($),
    actUrl: actUrl($, pageUrl),
  };
  const checked = caseCardSchema.safeParse(card);
  return checked.success ? checked.data : { failure: true, reason: `card fields invalid: ${checked.error.issues[0]?.message}` };
}
