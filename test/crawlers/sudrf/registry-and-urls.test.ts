import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCourtRegistry, loadCourtRegistryFiles, mergeCourtRegistry } from '../../../crawlers/sources/sudrf/registry.ts';
import { actUrl, cardUrl, deloIdOf, listUrl, resolveCourtUrl, watchedArticles, watchedCaseTypes, withPage } from '../../../crawlers/sources/sudrf/urls.ts';
import { encodeQueryValue } from '../../../crawlers/sources/sudrf/decode.ts';
import { realPagesDir } from '../../helpers/real-pages.ts';

const reference = join(realPagesDir, 'reference');

describe('court registry', () => {
  const courts = loadCourtRegistry(reference);

  it('loads every sudrf court site with region, srv_num and flags', () => {
    // 2,311 sites less two Moscow courts published on mos-gorsud.ru, plus one court only the scraper config knows.
    expect(courts.length).toBe(2310);
    expect(courts.some((c) => c.code === '77RS0030' || c.code === '77OS0000')).toBe(false);
    const aleysky = courts.find((c) => c.code === '22RS0001');
    expect(aleysky).toEqual({
      source: 'sudrf', code: '22RS0001', name: 'Алейский городской суд', region: 'Алтайский край', regionCode: '22',
      baseUrl: 'http://aleysky.alt.sudrf.ru', layout: 'primary', srvNums: [1], hasCaptcha: false,
    });
    expect(courts.find((c) => c.code === '27RS0023')).toMatchObject({ baseUrl: 'http://osipenko--hbr.sudrf.ru', hasCaptcha: true, srvNums: [1], regionCode: '27' });
    expect(courts.some((c) => c.code === '77MOSGORSUD')).toBe(false);
    expect(courts.filter((c) => c.hasCaptcha).length).toBeGreaterThan(500);
    expect(courts.filter((c) => c.layout === 'vnkod').length).toBe(140);
    expect(courts.filter((c) => c.srvNums.length > 1).length).toBeGreaterThan(100);
    expect(courts.every((c) => c.srvNums.length > 0 && /^https?:\/\/[^/]+$/.test(c.baseUrl))).toBe(true);
    expect(new Set(courts.map((c) => c.code)).size).toBe(courts.length);
  });

  it('takes the two files by path, and refuses malformed input with the offending entry', () => {
    const byPath = loadCourtRegistryFiles({
      websitesPath: join(reference, 'sudrf_websites_dataout.json'),
      scraperConfigPath: join(reference, 'sudrfscraper_court_config.json'),
    });
    expect(byPath).toEqual(courts);
    expect(() => mergeCourtRegistry({ '22': [{ court_id: '22RS0001', court_name: 'X' }] }, [])).toThrow(/court_website/);
    expect(() => mergeCourtRegistry([], [])).toThrow();
  });

  it('merges flags by court code and keeps srv lists in order without duplicates', () => {
    const merged = mergeCourtRegistry(
      { '5': [{ court_id: '05RS0001', court_name: 'Суд (Республика Дагестан)', court_website: 'http://a.dag.sudrf.ru/', srv: ['2', '1', '2'] }] },
      [{ vnkod: '05RS0001', searchPattern: 'VNKOD_PATTERN', hasCaptcha: true }],
    );
    expect(merged).toEqual([{ source: 'sudrf', code: '05RS0001', name: 'Суд', region: 'Республика Дагестан', regionCode: '05', baseUrl: 'http://a.dag.sudrf.ru', layout: 'vnkod', srvNums: [1, 2], hasCaptcha: true }]);
  });
});

describe('sudrf search URLs', () => {
  const koap = watchedCaseTypes.find((t) => t.name === 'koap')!;
  const criminal = watchedCaseTypes.find((t) => t.name === 'criminal')!;

  it('encodes query values in windows-1251', () => {
    expect(encodeQueryValue('Найти')).toBe('%CD%E0%E9%F2%E8');
    expect(encodeQueryValue('18.8 ч.1.1')).toBe('18.8+%F7.1.1');
  });

  it('builds a primary-layout КоАП list query by article and publication window', () => {
    const raw = listUrl({ baseUrl: 'http://oktyabrsky.svd.sudrf.ru/', layout: 'primary', srvNum: 2, caseType: koap, article: '18.8 ч.1.1', since: '2026-11-01', until: '2026-11-23' });
    expect(raw).toContain('adm_parts__LAW_ARTICLESS=18.8+%F7.1.1');
    expect(raw.endsWith('&Submit=%CD%E0%E9%F2%E8')).toBe(true);
    const url = new URL(raw);
    expect(url.origin + url.pathname).toBe('http://oktyabrsky.svd.sudrf.ru/modules.php');
    expect(Object.fromEntries(['name', 'name_op', 'srv_num', 'page', 'delo_id', 'delo_table', 'case_type', 'adm_document__PUBL_DATE1D', 'adm_document__PUBL_DATE2D'].map((k) => [k, url.searchParams.get(k)]))).toEqual({
      name: 'sud_delo', name_op: 'r', srv_num: '2', page: '1', delo_id: '1500001', delo_table: 'adm_case', case_type: '0',
      adm_document__PUBL_DATE1D: '01.11.2026', adm_document__PUBL_DATE2D: '23.11.2026',
    });
  });

  it('builds criminal and VNKOD list queries with their own field names', () => {
    const primary = new URL(listUrl({ baseUrl: 'http://x.sudrf.ru', layout: 'primary', srvNum: 1, caseType: criminal, article: '322', since: '2026-01-01', until: '2026-01-31', page: 3 }));
    expect(primary.searchParams.get('U1_DEFENDANT__LAW_ARTICLESS')).toBe('322');
    expect(primary.searchParams.get('U1_DOCUMENT__PUBL_DATE1D')).toBe('01.01.2026');
    expect(primary.searchParams.get('delo_table')).toBe('u1_case');
    expect(primary.searchParams.get('page')).toBe('3');
    const vnkod = listUrl({ baseUrl: 'http://zavolgskiy.uln.sudrf.ru', layout: 'vnkod', srvNum: 1, caseType: koap, article: '18.10', since: '2026-01-01', until: '2026-01-31' });
    const params = new URL(vnkod).searchParams;
    expect([params.get('_deloId'), params.get('_page'), params.get('parts__law_articless'), params.get('document__publ_date1d'), params.get('process-type')]).toEqual(['1500001', '1', '18.10', '01.01.2026', '1500001_0_0']);
    expect(params.has('delo_id')).toBe(false);
  });

  it('moves to another page without re-encoding the windows-1251 escapes', () => {
    const first = listUrl({ baseUrl: 'http://x.sudrf.ru', layout: 'primary', srvNum: 1, caseType: koap, article: '18.8 ч.1.1', since: '2026-01-01', until: '2026-01-31' });
    const fourth = withPage(first, 4);
    expect(fourth).toBe(first.replace('page=1', 'page=4'));
    expect(withPage('http://x.sudrf.ru/modules.php?name=sud_delo&_deloId=1500001&_page=1', 2)).toBe('http://x.sudrf.ru/modules.php?name=sud_delo&_deloId=1500001&_page=2');
    expect(withPage('http://x.sudrf.ru/modules.php?name=sud_delo&delo_id=1', 2)).toBe('http://x.sudrf.ru/modules.php?name=sud_delo&delo_id=1&page=2');
  });

  it('builds card and act URLs and resolves links found on court pages', () => {
    expect(cardUrl('http://x.sudrf.ru/', { layout: 'primary', srvNum: 1, caseId: 18627745, caseUid: '4d05bb3b-dbf2-4a12-a8c0-6cdb6a91e4d2', deloId: '2550001' })).toBe(
      'http://x.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18627745&case_uid=4d05bb3b-dbf2-4a12-a8c0-6cdb6a91e4d2&delo_id=2550001',
    );
    expect(cardUrl('http://oblsud.sam.sudrf.ru', { layout: 'vnkod', srvNum: 1, caseId: 45090185, caseUid: '70f25bb3-b647-4795-a592-61e457a42ea7', deloId: '1540005', newId: 5 })).toBe(
      'http://oblsud.sam.sudrf.ru/modules.php?name=sud_delo&name_op=case&_id=45090185&_uid=70f25bb3-b647-4795-a592-61e457a42ea7&_deloId=1540005&_caseType=0&_new=5&srv_num=1',
    );
    expect(actUrl('http://x.sudrf.ru', { srvNum: 1, docNumber: 18565938, deloId: '2800001', newId: '2800001' })).toBe(
      'http://x.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=18565938&delo_id=2800001&new=2800001&text_number=1',
    );
    const page = 'http://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=r&page=1';
    expect(resolveCourtUrl(' ./modules.php?name=sud_delo&page=2', page)).toBe('http://2kas.sudrf.ru/modules.php?name=sud_delo&page=2');
    expect(resolveCourtUrl('/modules.php?name=sud_delo&name_op=case&case_id=1', page)).toBe('http://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1');
    expect(resolveCourtUrl('javascript:void(0)', page)).toBeNull();
    expect(resolveCourtUrl('', page)).toBeNull();
    expect(deloIdOf('http://x/modules.php?_deloId=1540006')).toBe('1540006');
  });

  it('watches the migration articles', () => {
    expect(watchedArticles.koap).toEqual(['18.8', '18.10', '18.11', '18.15', '18.9', '20.25', '19.27']);
    expect(watchedArticles.criminal).toEqual(['322', '322.1', '322.2', '322.3', '327']);
    expect(watchedCaseTypes.map((t) => [t.name, t.deloId, t.articles.length])).toEqual([['koap', '1500001', 7], ['criminal', '1540006', 5], ['kas', '41', 0]]);
  });
});
