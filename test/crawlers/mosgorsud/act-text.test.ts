// Act attachments → text in every format mos-gorsud.ru serves, Cyrillic intact.
import { describe, expect, it } from 'vitest';
import { actTextOf, detectActFormat } from '../../../crawlers/sources/mosgorsud/act-text.ts';
import { rtfToText } from '../../../crawlers/sources/mosgorsud/rtf-text.ts';
import { docAct, docxAct, rtfAct } from '../../simulator/mosgorsud/act-files.ts';

const PARAGRAPHS = ['ПОСТАНОВЛЕНИЕ', 'в отношении гражданина Кыргызской Республики Жумабекова А.Т., <данные изъяты>,', 'ПОСТАНОВИЛ: штраф 5 000 рублей'];
const EXPECTED = PARAGRAPHS.join('\n');

describe('act attachments to text', () => {
  it('reads a DOCX paragraph by paragraph', async () => {
    const raw = await docxAct(PARAGRAPHS);
    expect(detectActFormat(raw)).toBe('docx');
    expect(actTextOf(raw)).toEqual({ format: 'docx', text: EXPECTED });
  });

  it('reads a Word 97 .doc through its piece table', () => {
    const raw = docAct(PARAGRAPHS);
    expect(detectActFormat(raw)).toBe('doc');
    expect(actTextOf(raw)).toEqual({ format: 'doc', text: EXPECTED });
  });

  it('reads a windows-1251 RTF', () => {
    const raw = rtfAct(PARAGRAPHS);
    expect(detectActFormat(raw)).toBe('rtf');
    expect(actTextOf(raw)).toEqual({ format: 'rtf', text: EXPECTED });
  });

  it('reads \\uN escapes, skips their fallback characters and non-text groups', () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1251\uc1{\fonttbl{\f0 Times;}}{\*\userprops secret}{\info{\title Заголовок}}\u1050?\u1099?\u1088?\u1075?\u1099?\u1079? \'f1\'f3\'e4\line 2026\par}`;
    expect(rtfToText(Buffer.from(rtf, 'utf8').toString('latin1').replace(/Заголовок/g, 'x'))).toBe('Кыргыз суд\n2026');
  });

  it('says why an attachment cannot be read instead of guessing', () => {
    expect(actTextOf(Buffer.from('%PDF-1.4 scanned'))).toMatchObject({ format: 'pdf', failure: expect.stringContaining('PDF') });
    expect(actTextOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ format: 'docx', failure: expect.any(String) });
    expect(actTextOf(Buffer.from('GIF89a'))).toMatchObject({ format: 'unknown' });
  });
});
