import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody, decodeQueryValue, encodeQueryValue } from '../../../crawlers/sources/sudrf/decode.ts';
import { realPageBytes } from '../../helpers/real-pages.ts';

const cp1251 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1251'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const page = (body: string, meta = '') => `<html><head>${meta}</head><body>${body}</body></html>`;

describe('decoding court pages', () => {
  it('reads windows-1251 bytes by the Content-Type header', () => {
    const decoded = decodeBody(cp1251(page('Всего по запросу найдено — 3')), 'text/html; charset=windows-1251');
    expect(decoded).toEqual({ encoding: 'windows-1251', text: page('Всего по запросу найдено — 3') });
  });

  it('falls back to the <meta> charset when the header has none', () => {
    const html = page('ПРИВЛЕКАЕМОЕ ЛИЦО', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">');
    expect(decodeBody(cp1251(html), 'text/html').text).toBe(html);
    const html5 = page('Судья', '<meta charset="cp1251">');
    expect(decodeBody(cp1251(html5), null)).toEqual({ encoding: 'windows-1251', text: html5 });
  });

  it('sniffs the bytes when nothing declares a charset', () => {
    expect(decodeBody(cp1251(page('Кыргызской Республики')), null)).toMatchObject({ encoding: 'windows-1251', text: page('Кыргызской Республики') });
    expect(decodeBody(utf8(page('Кыргызской Республики')), null)).toMatchObject({ encoding: 'utf-8', text: page('Кыргызской Республики') });
  });

  it('reads windows-1251 sent under a lying UTF-8 header', () => {
    const decoded = decodeBody(cp1251(page('уроженца г. Ош Киргизской ССР')), 'text/html; charset=utf-8');
    expect(decoded).toEqual({ encoding: 'windows-1251', text: page('уроженца г. Ош Киргизской ССР') });
  });

  it('reads a page re-saved as UTF-8 whose meta still says windows-1251', () => {
    const html = page('Ленинский районный суд', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">');
    expect(decodeBody(utf8(html), 'text/html; charset=windows-1251')).toEqual({ encoding: 'utf-8', text: html });
  });

  it('decodes the real raw windows-1251 captcha page and the real re-saved cards', () => {
    const captcha = decodeBody(realPageBytes('sudrf_html/captcha_search_form.html'), null);
    expect(captcha.encoding).toBe('windows-1251');
    expect(captcha.text).toContain('captchaid');
    expect(captcha.text).toMatch(/Поиск информации по делам|проверочн|Найти/);
    const card = decodeBody(realPageBytes('sudrf_html/kirov_koap_card_5-174-2026.html'), null);
    expect(card.encoding).toBe('utf-8');
    expect(card.text).toContain('ДЕЛО № 5-174/2026');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>Дело</p>')]);
    expect(decodeBody(bytes, 'text/html; charset=utf-8').text).toBe('<p>Дело</p>');
  });
});

describe('windows-1251 query values', () => {
  it('percent-encodes as the search forms do', () => {
    expect(encodeQueryValue('Найти')).toBe('%CD%E0%E9%F2%E8');
    expect(encodeQueryValue('18.8 ч.1.1')).toBe('18.8+%F7.1.1');
    expect(encodeQueryValue('322.1')).toBe('322.1');
    expect(encodeQueryValue('a&b=c')).toBe('a%26b%3Dc');
  });

  it('decodes what it encodes', () => {
    for (const value of ['Найти', '18.8 ч.1.1', 'МАМЫТОВ А.Б.', 'ст. 322 ч.2 УК РФ', '01.11.2026']) {
      expect(decodeQueryValue(encodeQueryValue(value))).toBe(value);
    }
    expect(decodeQueryValue('18.8+%F7.1.1')).toBe('18.8 ч.1.1');
    expect(decodeQueryValue('100%')).toBe('100%');
  });
});
