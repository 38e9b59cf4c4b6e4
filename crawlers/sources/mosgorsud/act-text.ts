// Court act attachments (DOCX, DOC, RTF; sometimes HTML) → plain text, synchronously,
// because a source's handlePage is pure and synchronous. DOCX is a zip of XML (fflate);
// DOC is a Word 97 compound file (cfb) whose text is found through its piece table; RTF
// is read by rtf-text.ts. Depersonalisation markers («ФИО1», «<данные изъяты>») stay as written.
import { load } from 'cheerio';
import CFB from 'cfb';
import type { CFB$Container } from 'cfb';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { tidy } from './html-text.ts';
import { rtfToText } from './rtf-text.ts';

export type ActFormat = 'docx' | 'doc' | 'rtf' | 'html' | 'pdf' | 'unknown';

export type ActText = { format: ActFormat; text: string } | { format: ActFormat; failure: string };

export function detectActFormat(raw: Uint8Array): ActFormat {
  const head = Buffer.from(raw.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'docx';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'doc';
  const start = head.toString('latin1').trimStart();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (start.startsWith('%PDF')) return 'pdf';
  if (/^<(!doctype|html|\?xml|div|p)/i.test(start) || /<html/i.test(Buffer.from(raw.subarray(0, 512)).toString('latin1'))) return 'html';
  return 'unknown';
}

export function actTextOf(raw: Uint8Array): ActText {
  const format = detectActFormat(raw);
  try {
    switch (format) {
      case 'docx':
        return { format, text: docxText(raw) };
      case 'doc':
        return { format, text: docText(raw) };
      case 'rtf':
        return { format, text: rtfToText(Buffer.from(raw).toString('latin1')) };
      case 'html': {
        const $ = load(new TextDecoder().decode(raw));
        $('script, style').remove();
        $('br').replaceWith('\n');
        $('p, div, tr, li').append('\n');
        return { format, text: tidy($('body').text()) };
      }
      case 'pdf':
        return { format, failure: 'PDF acts are not read yet (scanned images as a rule)' };
      case 'unknown':
        return { format, failure: 'the attachment is neither DOCX, DOC, RTF nor HTML' };
    }
  } catch (error) {
    return { format, failure: `the ${format.toUpperCase()} attachment could not be read: ${(error as Error).message}` };
  }
}

/** word/document.xml: one line per paragraph (w:p), tabs and breaks kept. */
export function docxText(raw: Uint8Array): string {
  const files = unzipSync(raw, { filter: (file) => file.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml: not a Word document');
  const $ = load(new TextDecoder().decode(xml), { xml: true });
  const lines = $('w\\:body w\\:p')
    .toArray()
    .map((p) =>
      $(p)
        .find('w\\:t, w\\:tab, w\\:br, w\\:cr')
        .toArray()
        .map((node) => (node.name === 'w:t' ? $(node).text() : node.name === 'w:tab' ? '\t' : '\n'))
        .join(''),
    );
  return tidy(lines.join('\n'));
}

// Offsets in the File Information Block of a Word 97-2003 document ([MS-DOC] 2.5).
const FIB_FLAGS = 0x000a;
const FIB_CCP_TEXT = 0x004c; // characters of the main text (headers, footnotes follow it)
const FIB_FC_CLX = 0x01a2;
const FIB_LCB_CLX = 0x01a6;

/** The main text of a .doc: the piece table (Clx) says where each run of characters lives. */
export function docText(raw: Uint8Array): string {
  const container = CFB.read(Buffer.from(raw), { type: 'buffer' });
  const wordDocument = streamOf(container, 'WordDocument');
  if (wordDocument.readUInt16LE(0) !== 0xa5ec) throw new Error('not a Word 97-2003 document');
  const flags = wordDocument.readUInt16LE(FIB_FLAGS);
  if (flags & 0x0100) throw new Error('the document is encrypted');
  const table = streamOf(container, flags & 0x0200 ? '1Table' : '0Table');
  const ccpText = wordDocument.readInt32LE(FIB_CCP_TEXT);
  const clx = table.subarray(wordDocument.readUInt32LE(FIB_FC_CLX), wordDocument.readUInt32LE(FIB_FC_CLX) + wordDocument.readUInt32LE(FIB_LCB_CLX));
  let offset = 0;
  while (clx[offset] === 0x01) offset += 3 + clx.readInt16LE(offset + 1); // formatting (Prc) entries
  if (clx[offset] !== 0x02) throw new Error('no piece table');
  const plcLength = clx.readUInt32LE(offset + 1);
  const plc = clx.subarray(offset + 5, offset + 5 + plcLength);
  const pieces = (plcLength - 4) / 12;
  let text = '';
  for (let i = 0; i < pieces && text.length < ccpText; i += 1) {
    const cpStart = plc.readUInt32LE(i * 4);
    const cpEnd = plc.readUInt32LE((i + 1) * 4);
    const fc = plc.readUInt32LE((pieces + 1) * 4 + i * 8 + 2);
    const compressed = (fc & 0x40000000) !== 0;
    const start = compressed ? (fc & 0x3fffffff) / 2 : fc;
    const chars = cpEnd - cpStart;
    text += compressed
      ? iconv.decode(wordDocument.subarray(start, start + chars), 'windows-1252')
      : wordDocument.subarray(start, start + chars * 2).toString('utf16le');
  }
  return tidy(wordControlsToText(text.slice(0, ccpText)));
}

function streamOf(container: CFB$Container, name: string): Buffer {
  const entry = CFB.find(container, name);
  if (!entry?.content) throw new Error(`no ${name} stream`);
  return Buffer.from(entry.content as Uint8Array);
}

/** Word's control characters: fields keep their shown result, not their instructions. */
function wordControlsToText(text: string): string {
  let out = '';
  const fields: ('instruction' | 'result')[] = [];
  for (const ch of text) {
    if (ch === '\u0013') fields.push('instruction');
    else if (ch === '\u0014') fields[fields.length - 1] = 'result';
    else if (ch === '\u0015') fields.pop();
    else if (fields.at(-1) === 'instruction') continue;
    else if (ch === '\r' || ch === '\u000b' || ch === '\u000c') out += '\n';
    else if (ch === '\u0007') out += '\t';
    else if (ch >= ' ' || ch === '\t') out += ch;
  }
  return out;
}
