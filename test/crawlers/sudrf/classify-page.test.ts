import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../crawlers/sources/sudrf/classify-page.ts';
import { decodeBody } from '../../../crawlers/sources/sudrf/decode.ts';
import { realPage, realPageBytes } from '../../helpers/real-pages.ts';

const statusOf = (http: number, text: string) => classifyPage(http, text).status;

describe('classifying what a court site answered', () => {
  it('recognises the real captcha form, the captcha error and the throttle page', () => {
    expect(statusOf(200, decodeBody(realPageBytes('sudrf_html/captcha_search_form.html'), null).text)).toBe('captcha');
    expect(statusOf(200, realPage('sudrf_html/captcha_gate_error.html'))).toBe('captcha');
    expect(classifyPage(200, realPage('sudrf_html/throttled_temporarily_unavailable.html'))).toMatchObject({ status: 'throttled', reason: expect.stringContaining('временно недоступна') });
  });

  it('passes every real card and list as ok', () => {
    for (const file of [
      'kirov_koap_card_5-174-2026.html', 'ufa_criminal_card_1-151-2026.html', 'ksoyu_case_card.html', 'ksoyu_card_criminal.html',
      '5kas_card_koap_16-721-2026.html', 'ulyanovsk_vnkod_layout_card.html', 'samara_vnkod_layout_card_with_act.html',
      'samara_vnkod_layout_results.html', '2kas_listing_adm33_koap.html', '2kas_listing_civil_with_doc_links.html', 'ksoyu_act_doc_page.html',
    ]) {
      expect(statusOf(200, realPage(`sudrf_html/${file}`)), file).toBe('ok');
    }
  });

  it('tells overload, geo-block, WAF, empty results and HTTP errors apart', () => {
    expect(classifyPage(429, 'Too Many Requests')).toMatchObject({ status: 'throttled', reason: expect.stringContaining('429') });
    expect(statusOf(403, '<h1>Доступ к сайту заблокирован по соображениям безопасности (G)</h1>')).toBe('geo_blocked');
    expect(statusOf(200, '<p>Ваш IP заблокирован по соображениям безопасности (G)</p>')).toBe('geo_blocked');
    expect(statusOf(403, '<h1>Данный запрос некорректен. (B)</h1>')).toBe('waf_blocked');
    expect(statusOf(200, '<td>Данных по запросу не обнаружено</td>')).toBe('no_data');
    expect(classifyPage(503, 'Service Unavailable')).toEqual({ status: 'http_error', reason: 'HTTP 503' });
    expect(statusOf(502, '')).toBe('http_error');
    expect(statusOf(404, '<p>Данных по запросу не обнаружено</p>')).toBe('http_error');
    expect(statusOf(200, '')).toBe('ok');
  });
});
