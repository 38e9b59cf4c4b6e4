import { describe, expect, it } from 'vitest';
import { normalizeText, originalSpan } from '../../pipeline/normalize.ts';
import { realPage } from '../helpers/real-pages.ts';

describe('normalize', () => {
  it('collapses whitespace, unifies quotes, dashes and ё, drops invisible characters', () => {
    const n = normalizeText('  Мамытов\u00a0\u00a0А.Б.\t«уроженец»\r\n\r\n\r\n — Ёлкин\u200b ');
    expect(n.text).toBe('Мамытов А.Б. "уроженец"\n\n- Елкин');
  });

  it('keeps depersonalisation markers as written, decoding entities in texts saved from HTML', () => {
    const n = normalizeText('в отношении ФИО1, ДД.ММ.ГГГГ года рождения, уроженца &lt;данные изъяты&gt;, проживающего <адрес>');
    expect(n.text).toBe('в отношении ФИО1, ДД.ММ.ГГГГ года рождения, уроженца <данные изъяты>, проживающего <адрес>');
  });

  it('maps every span back to the plain-text input', () => {
    const input = 'Судья   рассмотрев\n\n\n\nдело  в отношении  «Асанова Б.», гражданина Кыргызской Республики';
    const n = normalizeText(input);
    const at = n.text.indexOf('гражданина Кыргызской Республики');
    const back = originalSpan(n, at, at + 'гражданина Кыргызской Республики'.length);
    expect(input.slice(back.start, back.end)).toBe('гражданина Кыргызской Республики');
  });

  it('turns HTML into text with block elements as line breaks, scripts dropped, offsets into the HTML', () => {
    const html = '<html><body><div id="cont_doc1"><p>ПОСТАНОВЛЕНИЕ</p><p>в отношении <span class="FIO1">ФИО1</span>, гражданина Кыргызской&nbsp;Республики</p><script>alert("x")</script><br>ПОСТАНОВИЛ:</div></body></html>';
    const n = normalizeText(html);
    expect(n.wasHtml).toBe(true);
    expect(n.text).toBe('ПОСТАНОВЛЕНИЕ\nв отношении ФИО1, гражданина Кыргызской Республики\nПОСТАНОВИЛ:');
    const at = n.text.indexOf('ФИО1');
    const back = originalSpan(n, at, at + 4);
    expect(html.slice(back.start, back.end)).toBe('ФИО1');
  });

  it('reads the act out of a real sudrf card page (VNKOD layout)', () => {
    const n = normalizeText(realPage('sudrf_html/samara_vnkod_layout_card_with_act.html'));
    expect(n.text.length).toBeGreaterThan(500);
    expect(n.text).not.toMatch(/<script|function\s*\(/);
  });

  it('reads a page nested 10,000 tags deep without overflowing the stack, offsets still into the HTML', () => {
    const depth = 10_000;
    const html = `<html><body><div id="cont_doc1">${'<div>'.repeat(depth)}<p>в отношении <span>ФИО1</span>, гражданина Кыргызской Республики</p>${'</div>'.repeat(depth)}<p>ПОСТАНОВИЛ:</p></div></body></html>`;
    const n = normalizeText(html);
    expect(n.text).toBe('в отношении ФИО1, гражданина Кыргызской Республики\nПОСТАНОВИЛ:');
    const at = n.text.indexOf('гражданина');
    const back = originalSpan(n, at, at + 'гражданина'.length);
    expect(html.slice(back.start, back.end)).toBe('гражданина');
    const spans = `<html><body><div id="cont_doc1">${'<span>'.repeat(depth)}текст${'</span>'.repeat(depth)}</div></body></html>`;
    expect(normalizeText(spans).text).toBe('текст');
  });
});
