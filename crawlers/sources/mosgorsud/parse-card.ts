// A mos-gorsud.ru case card → CaseCard. The card is a list of label/value rows
// (div.row > div.left + div.right; the judge's label is «Cудья» with a Latin C), then tabs:
// case history, hearings (div#sessions or the «Судебные заседания» panel) and documents
// (div#act-documents or the «Документы» panel), whose acts are DOC/DOCX/RTF attachments.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { z } from 'zod';
import { caseCardSchema, type CaseParty, type CaseTypeName } from '../../../db/case-card.ts';
import { oneLine, tidy } from './html-text.ts';

export const hearingSchema = z.object({
  dateTime: z.string(),
  room: z.string().nullable(),
  stage: z.string().nullable(),
  result: z.string().nullable(),
});
export type Hearing = z.infer<typeof hearingSchema>;

export const actLinkSchema = z.object({ date: z.string().nullable(), type: z.string(), url: z.string() });
export type ActLink = z.infer<typeof actLinkSchema>;

/** The CaseCard plus what only this site shows; the pipeline reads the CaseCard part. */
export const mosgorsudCardSchema = caseCardSchema.extend({ hearings: z.array(hearingSchema), acts: z.array(actLinkSchema) });
export type MosgorsudCard = z.infer<typeof mosgorsudCardSchema>;

export interface CardParseFailure {
  failure: true;
  reason: string;
}

const isoOf = (ru: string | undefined | null): string | null => {
  const match = ru ? /(\d{2})\.(\d{2})\.(\d{4})/.exec(ru) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
};

/** Label rows keyed by a normalised label (lower case, Latin look-alikes read as Cyrillic). */
function labelRows($: CheerioAPI): Map<string, AnyNode> {
  const rows = new Map<string, AnyNode>();
  for (const row of $('div.row_card, div.row').toArray()) {
    const left = $(row).children('.left').first();
    const right = $(row).children('.right').first().get(0);
    const label = normalizeLabel(left.text());
    if (!label || !right || rows.has(label)) continue;
    rows.set(label, right);
  }
  return rows;
}

export function normalizeLabel(label: string): string {
  // «Cудья» on the site starts with a Latin C: read Latin look-alikes as Cyrillic letters.
  const cyrillic: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в' };
  return tidy(label)
    .toLowerCase()
    .replace(/[aceopxykmthb]/g, (ch) => cyrillic[ch] ?? ch);
}

function field($: CheerioAPI, rows: Map<string, AnyNode>, pattern: RegExp): string | null {
  for (const [label, node] of rows) if (pattern.test(label)) return oneLine($, node).replace(/\s*Скопировать в буфер обмена.*$/u, '') || null;
  return null;
}

/** «Стороны»: a bold role line, then the names under it (one per line or comma-separated). */
function partiesOf($: CheerioAPI, rows: Map<string, AnyNode>, articles: string | null): CaseParty[] {
  const parties: CaseParty[] = [];
  for (const [label, node] of rows) {
    if (!/^(стороны|участники|лицо,? в отношении)/u.test(label)) continue;
    let role = label.startsWith('лицо') ? 'Лицо, в отношении которого ведется производство' : 'Сторона';
    for (const child of $(node).contents().toArray()) {
      if (child.type === 'tag' && $(child).is('p, b, strong, .table-bold-text')) {
        role = oneLine($, child);
        continue;
      }
      const text = child.type === 'text' ? tidy($(child).text()) : child.type === 'tag' ? oneLine($, child) : '';
      for (const name of text.split(/[,;\n]/u).map((part) => part.trim()).filter(Boolean)) {
        parties.push({ roleAsWritten: role, name, articles: /лицо|привлека|обвиняем|подсудим/iu.test(role) ? articles : null });
      }
    }
  }
  return parties;
}

/** A tab panel found by its id or by its heading/tab title. */
function panel($: CheerioAPI, id: string, title: RegExp): AnyNode | null {
  const byId = $(`#${id}`).get(0);
  if (byId) return byId;
  for (const tab of $('[data-tab]').toArray()) {
    if (!$(tab).hasClass('tablist__panel')) continue;
    if (title.test($(tab).find('h3').first().text())) return tab;
    const tabTitle = $(`.tablist__tab[data-tab="${$(tab).attr('data-tab')}"]`).text();
    if (title.test(tabTitle)) return tab;
  }
  return null;
}

function hearingsOf($: CheerioAPI): Hearing[] {
  const node = panel($, 'sessions', /заседани/iu);
  if (!node) return [];
  return $(node)
    .find('tbody tr')
    .toArray()
    .map((tr) => $(tr).children('td').toArray().map((td) => oneLine($, td) || null))
    .filter((cells) => cells[0])
    .map(([dateTime, room, stage, result]) => ({ dateTime: dateTime!, room: room ?? null, stage: stage ?? null, result: result ?? null }));
}

function actsOf($: CheerioAPI, pageUrl: string): ActLink[] {
  const node = panel($, 'act-documents', /документ/iu);
  if (!node) return [];
  const acts: ActLink[] = [];
  for (const tr of $(node).find('tbody tr').toArray()) {
    const cells = $(tr).children('td').toArray();
    const href = $(tr).find('a[href]').first().attr('href');
    if (!href || href.startsWith('javascript:')) continue;
    acts.push({
      date: isoOf(cells[0] ? oneLine($, cells[0]) : null),
      type: (cells[1] ? oneLine($, cells[1]) : '') || 'Документ',
      url: new URL(href, pageUrl).toString(),
    });
  }
  return acts;
}

function caseTypeOf($: CheerioAPI, fallback: CaseTypeName | null): CaseTypeName {
  const where = `${$('.breadcrumb').text()} ${$('title').text()}`.toLowerCase();
  if (/административных\s+правонарушени/u.test(where)) return 'koap';
  if (/уголовн/u.test(where)) return 'criminal';
  if (/административн/u.test(where)) return 'kas';
  if (/гражданск/u.test(where)) return 'civil';
  return fallback ?? 'other';
}

/** The court: the breadcrumb entry of the court's own section (e.g. «/mgs»), else a card field. */
function courtNameOf($: CheerioAPI, rows: Map<string, AnyNode>): string | null {
  for (const a of $('.breadcrumb a[href]').toArray()) {
    if (/^\/[\w-]+\/?$/.test($(a).attr('href') ?? '')) return tidy($(a).attr('title') ?? $(a).text()) || null;
  }
  return field($, rows, /^(суд|наименование суда)$/u);
}

export function parseCaseCard(html: string, pageUrl: string, caseTypeHint: CaseTypeName | null = null): MosgorsudCard | CardParseFailure {
  const $ = load(html);
  const rows = labelRows($);
  if (rows.size === 0) return { failure: true, reason: 'no label/value rows on the card page' };
  const number = field($, rows, /^номер дела/u);
  const status = field($, rows, /^текущее состояние/u);
  const articles = field($, rows, /стать/u);
  const decided =
    field($, rows, /^дата (рассмотрения|решения|вынесения)/u) ?? (status && /\d{2}\.\d{2}\.\d{4}/.test(status) ? status : null);
  const card: MosgorsudCard = {
    // «3а-3843/2020 ∼ Ма-0639/2020»: the first is the case, the rest its earlier numbers.
    caseNumber: number ? number.split(/\s*[∼~]\s*/u)[0]!.trim() : null,
    caseUid: field($, rows, /^уникальный идентификатор/u),
    caseType: caseTypeOf($, caseTypeHint),
    courtName: courtNameOf($, rows),
    receivedDate: isoOf(field($, rows, /^дата поступления/u)),
    decisionDate: isoOf(decided),
    judge: field($, rows, /^судья/u),
    result: status ? status.replace(/,\s*\d{2}\.\d{2}\.\d{4}$/u, '').trim() : null,
    articles,
    parties: partiesOf($, rows, articles),
    actText: null,
    actUrl: null,
    hearings: hearingsOf($),
    acts: actsOf($, pageUrl),
  };
  if (!card.caseNumber && !card.caseUid) return { failure: true, reason: 'the card has neither a case number nor a case UID' };
  return card;
}
