// A corpus of broken court pages, built in memory: what a court site, a proxy or a half-dead
// connection can really send. Each page is bytes plus the Content-Type header it came with.
import iconv from 'iconv-lite';
import { generateCases } from '../simulator/generate-cases.ts';
import { renderCard, renderList } from '../simulator/render.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

export interface HostilePage {
  name: string;
  raw: Uint8Array;
  contentType: string | null;
}

const court = { code: '66RS0001', name: 'Ленинский районный суд г. Екатеринбурга', srvNums: [1] };
const simulated = generateCases([court], 3, 11, new Date('2026-12-01T00:00:00Z'));
export const sampleCase = simulated[0]!;
export const cardHtml = renderCard({ ...court, layout: 'primary' }, sampleCase);
export const vnkodCardHtml = renderCard({ ...court, layout: 'vnkod' }, sampleCase);
export const listHtml = renderList({ ...court, layout: 'primary' }, simulated, 60, 1);

const cp1251 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1251'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const page = (name: string, raw: Uint8Array, contentType: string | null = 'text/html; charset=windows-1251'): HostilePage => ({ name, raw, contentType });

/** A card whose act is `actHtml`: the shape every later stage looks into. */
export function cardWithAct(actHtml: string): string {
  const replaced = cardHtml.replace(/(<div id="cont_doc1"[^>]*>)[\s\S]*?(<\/div><\/div><\/div>)/, (_all, open: string, close: string) => `${open}${actHtml}${close}`);
  // The simulator's markup changes with it: a card without the act replaced tests nothing.
  if (replaced === cardHtml) throw new Error('cardWithAct: no div#cont_doc1 in the simulated card');
  return replaced;
}

function randomBytes(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** About `megabytes` MB of act text: the act of a long criminal case, or a runaway page. */
function hugeCard(megabytes: number): string {
  const paragraph = `<p>${sampleCase.actText.replace(/\n/g, ' ')}</p>\n`;
  return cardWithAct(paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / (paragraph.length * 2))));
}

const nested = (open: string, close: string, depth: number, inner: string) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Citizenship and article phrases disguised by entities and invisible characters. */
export const disguisedPhrases: { name: string; citizenship: string; article: string }[] = [
  { name: 'numeric entities', citizenship: 'гражд&#1072;нина Кыргызской&#32;Республики', article: 'ч.&#160;1.1 ст.&#160;18.8 КоАП РФ' },
  { name: 'hex entities', citizenship: '&#x433;ражданина Кыргызской Республики', article: 'ч. 1.1 ст. 18&#x2e;8 КоАП РФ' },
  { name: 'named entities', citizenship: 'гражданина&nbsp;Кыргызской&nbsp;Республики', article: 'ч.&nbsp;1.1&nbsp;ст.&nbsp;18.8&nbsp;КоАП&nbsp;РФ' },
  { name: 'zero-width space', citizenship: 'гражда\u200bнина Кыргыз\u200bской Республики', article: 'ч. 1\u200b.1 ст. 18.\u200b8 КоАП РФ' },
  { name: 'zero-width joiner / BOM', citizenship: 'гражданина\u200d Кыргызской\ufeff Республики', article: 'ч.\u200c 1.1 ст.\ufeff 18.8 КоАП РФ' },
  { name: 'soft hyphens', citizenship: 'граж\u00adданина Кыр\u00adгыз\u00adской Рес\u00adпуб\u00adлики', article: 'ч. 1.1 ст. 18.8 Ко\u00adАП РФ' },
  { name: 'entity-encoded zero-width', citizenship: 'гражданина&#8203; Кыргызской&#x200B; Республики', article: 'ч.&#8203; 1.1 ст. 18.8 КоАП&#xAD; РФ' },
];

export function disguisedAct(phrase: { citizenship: string; article: string }): string {
  return `<p>Мамытов Азамат Бекович, ДД.ММ.ГГГГ года рождения, ${phrase.citizenship}, совершил административное правонарушение, предусмотренное ${phrase.article}.</p>`;
}

/** The fixed corpus. The 20 MB page is built lazily: keep it out of memory unless asked for. */
export function hostileCorpus(options: { includeHuge: boolean }): HostilePage[] {
  const card = cp1251(cardHtml);
  const pages: HostilePage[] = [
    page('empty body', new Uint8Array(0)),
    page('empty body, no content type', new Uint8Array(0), null),
    page('one NUL byte', new Uint8Array([0])),
    page('64 KB of binary garbage', randomBytes(65_536, 1), 'application/octet-stream'),
    page('garbage claiming to be a card', new Uint8Array([...cp1251('<html><div class="casenumber">ДЕЛО № '), ...randomBytes(4096, 2), ...cp1251('</div></html>')])),
    ...[0.01, 0.3, 0.5, 0.9, 0.999].map((share) => page(`card truncated at ${share * 100}%`, card.subarray(0, Math.floor(card.length * share)))),
    page('list truncated mid-tag', cp1251(listHtml).subarray(0, cp1251(listHtml).indexOf(cp1251('<a href')[0]!, 900) + 5)),
    page('windows-1251 bytes declared UTF-8', card, 'text/html; charset=utf-8'),
    page('UTF-8 bytes declared windows-1251', utf8(cardHtml), 'text/html; charset=windows-1251'),
    page('windows-1251 without any charset', cp1251(cardHtml.replace(/<meta[^>]*>/, '')), 'text/html'),
    page('unknown charset name', card, 'text/html; charset=x-klingon'),
    page('UTF-16 declared, cp1251 sent', card, 'text/html; charset=utf-16'),
    page('charset with quotes and junk', card, 'text/html; charset="windows-1251";;; boundary=??'),
    page('UTF-8 BOM then cp1251', new Uint8Array([0xef, 0xbb, 0xbf, ...card])),
    page('KOI8-R bytes declared windows-1251', new Uint8Array(iconv.encode(cardHtml, 'koi8-r'))),
    page('10,000 nested divs in the act', utf8(cardWithAct(nested('<div>', '</div>', 10_000, disguisedAct(disguisedPhrases[0]!)))), 'text/html; charset=utf-8'),
    page('10,000 nested spans in the act', utf8(cardWithAct(nested('<span>', '</span>', 10_000, 'текст'))), 'text/html; charset=utf-8'),
    page('10,000 nested tables in the parties', utf8(cardHtml.replace('<div id="cont3">', `<div id="cont3">${nested('<table><tr><td>', '</td></tr></table>', 10_000, 'Фамилия')}`)), 'text/html; charset=utf-8'),
    page('10,000 unclosed <b>', utf8(cardWithAct('<b>'.repeat(10_000) + 'текст')), 'text/html; charset=utf-8'),
    page('unclosed comment before the card', utf8(`<!-- ${cardHtml}`), 'text/html; charset=utf-8'),
    page('unclosed script before the card', utf8(`<script>${cardHtml}`), 'text/html; charset=utf-8'),
    page('100,000 entities', utf8(cardWithAct('&amp;&#0;&#x110000;&#99999999;&bogus;'.repeat(20_000))), 'text/html; charset=utf-8'),
    page('lone surrogates and RTL overrides', utf8(cardWithAct('\ud800Мамытов\u202eвотыmaM\udfff гражданина Кыргызской Республики')), 'text/html; charset=utf-8'),
    page('NUL characters inside the act', utf8(cardWithAct('Мамытов\u0000 гражданина\u0000 Кыргызской Республики')), 'text/html; charset=utf-8'),
    page('invalid hrefs in a list', cp1251(listHtml.replace(/href='[^']*'/, "href='http://[::1'"))),
    page('a 1 MB attribute', utf8(cardHtml.replace('<body>', `<body data-x="${'x'.repeat(1 << 20)}">`)), 'text/html; charset=utf-8'),
    page('a 1 MB single word', utf8(cardWithAct('гражданина'.repeat(100_000))), 'text/html; charset=utf-8'),
    page('regex bait: 200,000 "ч. ст. "', utf8(cardWithAct('ч. 1 ч. 1 ст. '.repeat(20_000))), 'text/html; charset=utf-8'),
    page('regex bait: 50,000 "граждан "', utf8(cardWithAct('граждан '.repeat(50_000))), 'text/html; charset=utf-8'),
    page('regex bait: a 200 KB uroженца run', utf8(cardWithAct(`уроженца ${'а '.repeat(100_000)}`)), 'text/html; charset=utf-8'),
    ...disguisedPhrases.map((phrase) => page(`card with ${phrase.name} in the act`, utf8(cardWithAct(disguisedAct(phrase))), 'text/html; charset=utf-8')),
  ];
  if (options.includeHuge) pages.push(page('a 20 MB card', cp1251(hugeCard(20))));
  return pages;
}
