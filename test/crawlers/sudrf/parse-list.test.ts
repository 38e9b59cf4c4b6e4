import { describe, expect, it } from 'vitest';
import { MAX_RESULT_PAGES, parseCaseList } from '../../../crawlers/sources/sudrf/parse-list.ts';
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
    expect(row?.summary.split('\n')[0]).toBe('МАХМУДОВ Д.П. - ст.18.8 ч.3.1 КоАП РФ');
    expect(row?.summary.split('\n')[1]).toMatch(/^Нижестоящий суд \(судебный участок\):/);
    expect(row?.actUrl).toBeNull();
    // Page 1 names pages 2…6 on its own URL (not the site's reordered links): each page fetched once.
    expect(list.pageUrls).toEqual([2, 3, 4, 5, 6].map((n) => `${listUrl}&page=${n}`));
    expect(new Set(list.rows.map((r) => r.cardUrl)).size).toBe(25);
    expect(list.rows[0]).toEqual({
      caseNumber: '16-4366/2026',
      cardUrl: 'http://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18627750&case_uid=a81690fe-293e-4c45-acf3-2fa4c60eafdd&delo_id=2550001',
      receivedDate: '2026-06-05',
      summary: 'КАРПОВ К.В. - ст.12.27 ч.2 КоАП РФ\nНижестоящий суд (судебный участок): Судебный участок № 380 Пресненского района',
      judge: 'Дороднов Георгий Иванович',
      decisionDate: '2026-06-11',
      result: 'Возвращено без рассмотрения',
      actUrl: null,
    });
    expect(row?.cardUrl).toBe('http://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18627745&case_uid=4d05bb3b-dbf2-4a12-a8c0-6cdb6a91e4d2&delo_id=2550001');
  });

  it('finds act links where the list has them, and none where it has not', () => {
    const withLinks = parseCaseList(realPage('sudrf_html/2kas_listing_civil_with_doc_links.html'), listUrl);
    expect(withLinks.total).toBe(530);
    expect(withLinks.rows.filter((r) => r.actUrl?.includes('name_op=doc')).length).toBeGreaterThan(0);
    expect(withLinks.rows[0]).toMatchObject({
      caseNumber: '8Г-15211/2026',
      actUrl: 'http://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=18565938&delo_id=2800001&new=2800001&text_number=1',
    });
    expect(withLinks.rows[0]?.summary.split('\n')).toEqual([
      'КАТЕГОРИЯ: Споры, связанные с имущественными правами → Иски о взыскании сумм по договору займа, кредитному договору',
      'Жалобу подал(а): Симкин Г. А.',
      'Суд (судебный участок) первой инстанции: Перовский районный суд (Город Москва)',
      'Номер дела в первой инстанции: 2-5462/2025',
    ]);
    expect(withLinks.pageUrls).toHaveLength(21); // 530 rows, 25 a page
    const without = parseCaseList(realPage('sudrf_html/2kas_listing_short_delo_id_no_links.html'), listUrl);
    expect(without.rows.every((r) => r.actUrl === null)).toBe(true);
  });

  it('reads the VNKOD results table', () => {
    const list = parseCaseList(realPage('sudrf_html/samara_vnkod_layout_results.html'), 'http://oblsud.sam.sudrf.ru/modules.php?name=sud_delo&name_op=r&_page=1');
    expect(list.total).toBe(1);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ caseNumber: '33а-647/2026', receivedDate: '2025-11-10', decisionDate: '2026-01-13', judge: 'Пудовкина Е. С.', result: 'РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ' });
    // The mobile copy of the row (#resultMob) is not a second row; the act link is the card with _doc=1.
    expect(list.rows[0]?.actUrl).toContain('_doc=1');
    expect(list.rows[0]?.summary.split('\n')[3]).toBe('ЛИЦА: Рыжкова Е.А.');
    expect(list.pageUrls).toEqual([]);
    expect(list.rows[0]?.cardUrl).toContain('_uid=70f25bb3-b647-4795-a592-61e457a42ea7');
  });
});

describe('sudrf list parser on a counter no court would print', () => {
  it('follows at most MAX_RESULT_PAGES pages, in bounded time, and keeps the claimed total', () => {
    // Digits glued together by a broken page: found by the hostile-input property test (it looped for hours).
    const page = realPage('sudrf_html/2kas_listing_adm33_koap.html').replace(/Всего по запросу найдено\s*[—–-]\s*\d+/, 'Всего по запросу найдено — 100000001234567890');
    const list = parseCaseList(page, listUrl);
    expect(list.total).toBe(100000001234567890);
    expect(list.pageUrls).toHaveLength(MAX_RESULT_PAGES - 1);
    expect(list.pageUrls.at(-1)).toBe(`${listUrl}&page=${MAX_RESULT_PAGES}`);
  });
});

describe('sudrf list parser on pages that are not lists', () => {
  it('finds nothing (and throws nothing) in cards, refusals and garbage', () => {
    for (const file of ['kirov_koap_card_5-174-2026.html', 'captcha_gate_error.html', 'throttled_temporarily_unavailable.html']) {
      expect(parseCaseList(realPage(`sudrf_html/${file}`), listUrl)).toEqual({ total: null, rows: [], pageUrls: [], truncated: false });
    }
    expect(parseCaseList('<table id="tablcont"><tr><td title="Для получения справки по делу, нажмите на номер дела"><a>5-1/2026</a></td></tr></table></html>', listUrl).rows).toEqual([]);
    expect(parseCaseList('\u0000<<<', 'not a url').rows).toEqual([]);
  });

  it('gives no rows from a list cut off half-way, so that it is fetched again rather than read in part', () => {
    const whole = realPage('sudrf_html/2kas_listing_adm33_koap.html');
    expect(parseCaseList(whole.slice(0, whole.indexOf('16-4352/2026')), listUrl)).toEqual({ total: null, rows: [], pageUrls: [], truncated: true });
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
