// RTF → plain text. Court RTFs are Word exports in windows-1251 (\ansicpg1251) with
// Cyrillic as \'hh bytes or \uN escapes. Groups that are not text (font and colour tables,
// styles, document info, pictures, \* destinations) are skipped.
import iconv from 'iconv-lite';

const SKIPPED_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'rsidtbl', 'generator',
  'xmlnstbl', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'mmathPr', 'fldinst', 'filetbl',
  'revtbl', 'pgdsctbl', 'bkmkstart', 'bkmkend', 'pnseclvl',
]);

const BREAKS: Record<string, string> = { par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', cell: '\t', tab: '\t', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '«', rdblquote: '»', bullet: '•', emspace: ' ', enspace: ' ', qmspace: ' ' };

interface GroupState {
  skip: boolean;
  /** Characters to drop after a \uN (the ANSI fallback), from \ucN. */
  unicodeSkip: number;
}

/** `source` is the RTF as latin1 (one char per byte), so \'hh bytes decode in the document's code page. */
export function rtfToText(source: string): string {
  let codePage = /\\ansicpg(\d+)/.exec(source)?.[1] ?? '1251';
  if (!iconv.encodingExists(`cp${codePage}`)) codePage = '1251';
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, unicodeSkip: 1 };
  let out = '';
  let bytes: number[] = [];
  let pendingSkip = 0;
  const flushBytes = () => {
    if (bytes.length > 0) out += iconv.decode(Buffer.from(bytes), `cp${codePage}`);
    bytes = [];
  };
  const emit = (text: string) => {
    if (state.skip) return;
    flushBytes();
    out += text;
  };
  const token = /\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+/g;
  let groupStart = false;
  for (let match = token.exec(source); match; match = token.exec(source)) {
    const [, word, param, hex, symbol, brace, text] = match;
    const startedGroup = groupStart;
    groupStart = false;
    if (brace === '{') {
      stack.push(state);
      state = { ...state };
      groupStart = true;
    } else if (brace === '}') {
      if (!state.skip) flushBytes();
      state = stack.pop() ?? state;
    } else if (hex !== undefined) {
      if (pendingSkip > 0) pendingSkip -= 1;
      else if (!state.skip) bytes.push(parseInt(hex, 16));
    } else if (symbol !== undefined) {
      if (symbol === '*') state.skip = true;
      else if (symbol === '~') emit('\u00a0');
      else if (symbol === '-' || symbol === '_') emit(symbol === '_' ? '-' : '');
      else if (symbol === '\\' || symbol === '{' || symbol === '}') emit(symbol);
    } else if (word !== undefined) {
      if (startedGroup && SKIPPED_DESTINATIONS.has(word)) state.skip = true;
      else if (word === 'uc') state.unicodeSkip = Number(param ?? 1);
      else if (word === 'u') {
        const code = Number(param ?? 0);
        emit(String.fromCharCode(code < 0 ? code + 65536 : code));
        pendingSkip = state.unicodeSkip;
      } else if (word === 'bin') token.lastIndex += Number(param ?? 0); // binary data: never text
      else if (BREAKS[word] !== undefined) emit(BREAKS[word]);
    } else if (text !== undefined) {
      if (state.skip) continue;
      // Plain text is bytes in the code page too; the ANSI fallback of a \uN escape is skipped.
      for (let i = 0; i < text.length; i += 1) {
        if (pendingSkip > 0) pendingSkip -= 1;
        else bytes.push(text.charCodeAt(i) & 0xff);
      }
    }
  }
  flushBytes();
  return out
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
