import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCourtRegistry } from '../../../crawlers/sources/sudrf/registry.ts';
import { listUrl, watchedCaseTypes } from '../../../crawlers/sources/sudrf/urls.ts';
import { encodeQueryValue } from '../../../crawlers/sources/sudrf/decode.ts';
import { realPagesDir } from '../../helpers/real-pages.ts';

describe('court registry', () => {
  const courts = loadCourtRegistry(join(realPagesDir, 'reference'));

  it('loads every sudrf court site with region, srv_num and flags', () => {
    expect(courts.length).toBe(2311);
    const aleysky = courts.find((c) => c.code === '22RS0001');
    expect(aleysky).toMatchObject({ name: 'Алейский городской суд', region: 'Алтайский край', regionCode: '22', baseUrl: 'http://aleysky.alt.sudrf.ru', srvNums: [1] });
    expect(courts.filter((c) => c.hasCaptcha).length).toBeGreaterThan(400);
    expect(courts.filter((c) => c.layout === 'vnkod').length).toBeGreaterThan(50);
    expect(courts.some((c) => (c.srvNums?.length ?? 0) > 1)).toBe(true);
    expect(new Set(courts.map((c) => c.code)).size).toBe(courts.length);
  });
});

describe('sudrf search URLs', () => {
  it('encodes query values in windows-1251', () => {
    expect(encodeQueryValue('Найти')).toBe('%CD%E0%E9%F2%E8');
    expect(encodeQueryValue('18.8 ч.1.1')).toBe('18.8+%F7.1.1');
  });

  it('builds a primary-layout КоАП list query by article and publication window', () => {
    const koap = watchedCaseTypes.find((t) => t.name === 'koap')!;
    const url = new URL(listUrl({ baseUrl: 'http://oktyabrsky.svd.sudrf.ru', layout: 'primary', srvNum: 2, caseType: koap, article: '18.8', since: '2026-11-01', until: '2026-11-23' }));
    expect(url.searchParams.get('delo_id')).toBe('1500001');
    expect(url.searchParams.get('delo_table')).toBe('adm_case');
    expect(url.searchParams.get('srv_num')).toBe('2');
    expect(url.searchParams.get('adm_parts__LAW_ARTICLESS')).toBe('18.8');
    expect(url.searchParams.get('adm_document__PUBL_DATE1D')).toBe('01.11.2026');
    expect(url.toString()).toContain('Submit=%CD%E0%E9%F2%E8');
  });

  it('watches the migration articles', () => {
    expect(watchedCaseTypes.find((t) => t.name === 'koap')!.articles).toEqual(['18.8', '18.10', '18.11', '18.15', '18.9', '20.25', '19.27']);
    expect(watchedCaseTypes.find((t) => t.name === 'criminal')!.articles).toEqual(['322', '322.1', '322.2', '322.3', '327']);
  });
});
