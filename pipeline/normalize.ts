// HTML or plain text → the plain text every later stage reads. Evidence offsets refer to this
// text, which is also what the dashboard shows, so highlighting needs no offset map.
import { load } from 'cheerio';
import { blockText, tidy } from '../crawlers/sources/sudrf/html-text.ts';

const LOOKS_LIKE_HTML = /<(html|body|div|p|span|table|br)[\s>/]/i;

export function normalizeDocument(input: string): string {
  const text = LOOKS_LIKE_HTML.test(input) ? htmlToText(input) : input;
  return tidy(text.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[«»„“”]/g, '"').replace(/ё/g, 'е').replace(/Ё/g, 'Е'));
}

function htmlToText(html: string): string {
  const $ = load(html);
  // Depersonalisation spans keep their text («ФИО1», «<данные изъяты>»): cheerio's text does that.
  const root = $('#cont_doc1, #tab_content_Document1, div#content').first()[0] ?? $('body')[0] ?? $.root()[0]!;
  return blockText($, root);
}
