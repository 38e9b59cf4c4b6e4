import { describe, expect, it } from 'vitest';
import { parseCaseCard } from '../../../crawlers/sources/sudrf/parse-card.ts';
import type { CaseCard } from '../../../db/case-card.ts';
import { realPage } from '../../helpers/real-pages.ts';

const cardUrl = (deloId: string) => `http://court.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=1&delo_id=${deloId}`;

function parse(file: string, deloId = '1500001'): CaseCard {
  const card = parseCaseCard(realPage(`sudrf_html/${file}`), cardUrl(deloId));
  if ('failure' in card) throw new Error(card.reason);
  return card;
}

describe('sudrf case card parser on real pages', () => {
  it('reads a primary-layout КоАП card field by field (Kirov, 5-174/2026)', () => {
    const card = parse('kirov_koap_card_5-174-2026.html');
    expect(card).toMatchObject({
      caseNumber: '5-174/2026',
      caseUid: '43RS0001-01-2026-000667-40',
      caseType: 'koap',
      courtName: 'Ленинский районный суд г. Кирова',
      receivedDate: '2026-04-15',
      decisionDate: '2026-06-05',
      judge: 'Глушков А.С.',
    });
    expect(card.result).toMatch(/^Вынесено постановление о назначении административного наказания/);
    expect(card.parties[0]).toEqual({ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'Ананьева Дарья Сергеевна', articles: 'ст.19.34 ч.1 КоАП РФ' });
    expect(card.parties).toHaveLength(3);
    expect(card.actText).toMatch(/^Дело № 5-174\/2026\n/);
    expect(card.actText).toContain('ПОСТАНОВЛЕНИЕ');
  });

  it('reads a criminal card whose «ЛИЦА» tab has no role column (Ufa, 1-151/2026)', () => {
    const card = parse('ufa_criminal_card_1-151-2026.html', '1540006');
    expect(card.caseType).toBe('criminal');
    expect(card.caseNumber).toBe('1-151/2026');
    expect(card.judge).toBe('Ардуванова Д.Р.');
    expect(card.parties).toEqual([{ roleAsWritten: 'ЛИЦА', name: 'Юсупова Гузэль Ривольтовна', articles: 'ст.173.1 ч.2 п.б УК РФ' }]);
    expect(card.actText).toContain('<данные изъяты>');
  });

  it('keeps upper-case names of a cassation card and its act text (5KAS 16-721/2026)', () => {
    const card = parse('5kas_card_koap_16-721-2026.html');
    expect(card.caseNumber).toBe('16-721/2026');
    expect(card.decisionDate).toBe('2026-05-05');
    expect(card.parties).toEqual([{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'РИМИХАНОВ ТАЖИДИН САБИРОВИЧ', articles: 'ст.12.15 ч.4 КоАП РФ' }]);
    expect(card.actText).toContain('П О С Т А Н О В Л Е Н И Е');
  });

  it('reads the VNKOD layout (Ulyanovsk and Samara)', () => {
    const ulyanovsk = parse('ulyanovsk_vnkod_layout_card.html', '1540001');
    expect(ulyanovsk).toMatchObject({ caseNumber: '2-5/2026', caseUid: '73RS0004-01-2024-005087-98', receivedDate: '2024-07-22', judge: 'Савелова А. Л.' });
    expect(ulyanovsk.parties.map((p) => p.roleAsWritten)).toEqual(['ИСТЕЦ', 'ОТВЕТЧИК', 'ПРЕДСТАВИТЕЛЬ']);
    expect(ulyanovsk.parties.every((p) => p.articles === null)).toBe(true);
    const samara = parse('samara_vnkod_layout_card_with_act.html', '1540005');
    expect(samara).toMatchObject({ caseNumber: '33а-647/2026', decisionDate: '2026-01-13', judge: 'Пудовкина Е. С.' });
    expect(samara.parties[0]?.roleAsWritten).toBe('АДМИНИСТРАТИВНЫЙ ИСТЕЦ');
    expect(samara.actText).toContain('АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ');
  });

  it('returns a failure, not an exception, for broken or foreign pages', () => {
    expect(parseCaseCard('<html><body>nothing here</body></html>', cardUrl('1500001'))).toMatchObject({ failure: true });
    const whole = realPage('sudrf_html/kirov_koap_card_5-174-2026.html');
    expect(parseCaseCard(whole.slice(0, whole.length / 2), cardUrl('1500001'))).toMatchObject({ failure: true, reason: expect.stringMatching(/truncated/) });
    expect(parseCaseCard('\u0000\u0001garbage<<<>>>', cardUrl('1500001'))).toMatchObject({ failure: true });
  });
});
