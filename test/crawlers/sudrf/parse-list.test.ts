import { describe, expect, it } from 'vitest';
import { parseCaseList } from '../../../crawlers/sources/sudrf/parse-list.ts';
import { classifyPage } from '../../../crawlers/sources/sudrf/classify-page.ts';
import { decodeBody } from '../../../crawlers/sources/sudrf/decode.ts';
import { realPage, realPageBytes } from '../../helpers/real-pages.ts';

const listUrl = 'http://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=2550001&Submit=%CD%E0%E9%F2%E8';

describe('sudrf list parser on real pages', () => {
  it('reads the counter, 25 rows, and the other pages of a КоАП cassation list', () => {
    const list = parseCaseList(realPage('sudrf_html/2kas_listing_adm33_koap.html'), listUrl);
    expect(list.total).toBe(143);
    expect(list.rows).toHaveLength(25);
    expect(list.pageUrls).toHaveLength(5);
    expect(new URL(list.pageUrls[4]!).searchParams.get('page')).toBe('6');
    const row = list.rows.find((r) => r.caseNumber === '16-4364/2026');
    expect(row).toMatchObject({ receivedDate: '2026-06-05', judge: 'Дороднов Георгий Иванович', decisionDate: '2026-06-23', result: 'Возвращено без рассмотрения' });
    expect(row?.summary).toMatch(/^МАХМУДОВ Д\.П\. - ст\.18\.8 ч\.3\.1 КоАП РФ/);
    expect(row?.cardUrl).toBe('http://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18627745&case_uid=4d05bb3b-dbf2-4a12-a8c0-6cdb6a91e4d2&delo_id=2550001');
  });

  it('finds act links where the list has them, and none where it has not', () => {
    const withLinks = parseCaseList(realPage('sudrf_html/2kas_listing_civil_with_doc_links.html'), listUrl);
    expect(withLinks.total).toBe(530);
    expect(withLinks.rows.filter((r) => r.actUrl?.includes('name_op=doc')).length).toBeGreaterThan(0);
    const without = parseCaseList(realPage('sudrf_html/2kas_listing_short_delo_id_no_links.html'), listUrl);
    expect(without.rows.every((r) => r.actUrl === null)).toBe(true);
  });

  it('reads the VNKOD results table', () => {
    const list = parseCaseList(realPage('sudrf_html/samara_vnkod_layout_results.html'), 'http://oblsud.sam.sudrf.ru/modules.php?name=sud_delo&name_op=r&_page=1');
    expect(list.total).toBe(1);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ caseNumber: '33а-647/2026', receivedDate: '2025-11-10', decisionDate: '2026-01-13' });
    expect(list.rows[0]?.cardUrl).toContain('_uid=70f25bb3-b647-4795-a592-61e457a42ea7');
  });
});

describe('page classification and decoding on real pages', () => {
  it('recognises captcha, captcha errors and the throttle page', () => {
    const captcha = decodeBody(realPageBytes('sudrf_html/captcha_search_form.html'), null);
    expect(captcha.encoding).toBe('windows-1251');
    expect(classifyPage(200, captcha.text).status).toBe('captcha');
    expect(classifyPage(200, realPage('sudrf_html/captcha_gate_error.html')).status).toBe('captcha');
    expect(classifyPage(200, realPage('sudrf_html/throttled_temporarily_unavailable.html')).status).toBe('throttled');
    expect(classifyPage(200, realPage('sudrf_html/kirov_koap_card_5-174-2026.html')).status).toBe('ok');
    expect(classifyPage(429, '').status).toBe('throttled');
    expect(classifyPage(200, '<p>Данных по запросу не обнаружено</p>').status).toBe('no_data');
  });

  it('decodes UTF-8 pages whose meta says windows-1251, and cp1251 pages that claim UTF-8', () => {
    const resaved = decodeBody(realPageBytes('sudrf_html/kirov_koap_card_5-174-2026.html'), 'text/html; charset=windows-1251');
    expect(resaved.encoding).toBe('utf-8');
    expect(resaved.text).toContain('Ленинский районный суд г. Кирова');
    const lying = decodeBody(realPageBytes('sudrf_html/captcha_search_form.html'), 'text/html; charset=utf-8');
    expect(lying.encoding).toBe('windows-1251');
    expect(lying.text).toMatch(/[А-Яа-я]{4}/);
  });
});
