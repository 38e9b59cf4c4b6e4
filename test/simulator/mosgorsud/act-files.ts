// Act attachments as mos-gorsud.ru serves them, made at test time: DOCX with the `docx`
// package, a Word 97 .doc built as a compound file (cfb) with a one-piece piece table, and
// an RTF in windows-1251 with \'hh escapes, as Word writes Cyrillic.
import CFB from 'cfb';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';

export async function docxAct(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Packer.toBuffer(document);
}

/** The smallest .doc our reader (and Word) needs: a FIB, the text, a piece table. */
export function docAct(paragraphs: string[]): Buffer {
  const text = `${paragraphs.join('\r')}\r`;
  const textOffset = 0x800;
  const wordDocument = Buffer.alloc(textOffset + text.length * 2);
  wordDocument.writeUInt16LE(0xa5ec, 0x0000); // wIdent
  wordDocument.writeUInt16LE(0x00c1, 0x0002); // nFib: Word 97
  wordDocument.writeUInt16LE(0x0200, 0x000a); // fWhichTblStm: the table is 1Table
  wordDocument.writeUInt16LE(14, 0x0020); // csw
  wordDocument.writeUInt16LE(22, 0x003e); // cslw
  wordDocument.writeInt32LE(text.length, 0x004c); // ccpText
  wordDocument.writeUInt16LE(93, 0x0098); // cbRgFcLcb
  wordDocument.write(text, textOffset, 'utf16le');

  const clx = Buffer.alloc(1 + 4 + 16);
  clx.writeUInt8(0x02, 0); // Pcdt
  clx.writeUInt32LE(16, 1); // PlcPcd: two CPs and one piece descriptor
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(text.length, 9);
  clx.writeUInt32LE(textOffset, 15); // fc, not compressed: UTF-16LE
  const table = Buffer.concat([Buffer.alloc(16), clx]);
  wordDocument.writeUInt32LE(16, 0x01a2); // fcClx
  wordDocument.writeUInt32LE(clx.length, 0x01a6); // lcbClx

  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'WordDocument', wordDocument);
  CFB.utils.cfb_add(container, '1Table', table);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

export function rtfAct(paragraphs: string[]): Buffer {
  const escape = (line: string) =>
    [...iconv.encode(line, 'windows-1251')].map((byte) => (byte < 0x80 ? String.fromCharCode(byte).replace(/[\\{}]/g, '\\$&') : `\\'${byte.toString(16)}`)).join('');
  const body = paragraphs.map((line) => `\\pard\\f0\\fs24 ${escape(line)}\\par`).join('\n');
  const rtf = `{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}}{\\*\\generator Kuzet simulator;}{\\info{\\author \\'d1\\'f3\\'e4}}\n${body}\n}`;
  return Buffer.from(rtf, 'latin1');
}
