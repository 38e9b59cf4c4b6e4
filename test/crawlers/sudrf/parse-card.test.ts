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
    // Depersonalisation markers (span.FIO1 «АДС», «{Дата изъята}», «{Адрес изъят}») are kept as written.
    expect(card.actText).toContain('АДС, родившейся {Дата изъята} в {Адрес изъят}');
    expect(card.actText).toMatch(/Судья А\.С\. Глушков$/);
    expect(card.articles).toBe('ст.19.34 ч.1 КоАП РФ');
    expect(card.parties.slice(1)).toEqual([
      { roleAsWritten: 'Представитель', name: 'Баева Александра Николаевна', articles: null },
      { roleAsWritten: 'Представитель', name: 'Перова Валентина Николаевна', articles: null },
    ]);
    expect(card.actUrl).toBeNull();
  });

  it('reads a criminal card whose «ЛИЦА» tab has no role column (Ufa, 1-151/2026)', () => {
    const card = parse('ufa_criminal_card_1-151-2026.html', '1540006');
    expect(card.caseType).toBe('criminal');
    expect(card.caseNumber).toBe('1-151/2026');
    expect(card.judge).toBe('Ардуванова Д.Р.');
    expect(card.parties).toEqual([{ roleAsWritten: 'ЛИЦА', name: 'Юсупова Гузэль Ривольтовна', articles: 'ст.173.1 ч.2 п.б УК РФ' }]);
    expect(card).toMatchObject({ caseUid: '03RS0003-01-2026-003803-62', receivedDate: '2026-04-22', decisionDate: '2026-05-06', articles: 'ст.173.1 ч.2 п.б УК РФ' });
    expect(card.result).toBe('Уголовное дело ПРЕКРАЩЕНО назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)');
    expect(card.actText).toContain('Ю.Г.Р., ДД.ММ.ГГГГ года рождения, уроженки\n\n<адрес>, гражданки Российской Федерации');
    expect(card.actText).toContain('<данные изъяты>');
  });

  it('reads cassation cards of the Second and Fifth cassation courts (civil and criminal)', () => {
    const civil = parse('ksoyu_case_card.html', '2800001');
    expect(civil).toMatchObject({
      caseNumber: '8Г-15211/2026',
      caseUid: '77RS0020-02-2025-007285-88',
      caseType: 'civil',
      courtName: 'Второй кассационный суд общей юрисдикции',
      receivedDate: '2026-04-28',
      decisionDate: '2026-05-14',
      judge: 'Попова Елена Викторовна',
      result: 'Жалоба / представление ОСТАВЛЕНО БЕЗ УДОВЛЕТВОРЕНИЯ',
      parties: [
        { roleAsWritten: 'ИСТЕЦ', name: 'ООО ПКО Шамиль и партнеры', articles: null },
        { roleAsWritten: 'ОТВЕТЧИК', name: 'Симкин Георгий Александрович', articles: null },
      ],
    });
    expect(civil.articles).toMatch(/^Споры, связанные с имущественными правами → Иски о взыскании сумм/);
    expect(civil.actText).toContain('О П Р Е Д Е Л Е Н И Е');
    expect(civil.actText).toContain('кассационную жалобу ФИО1 – без удовлетворения');

    const criminal = parse('ksoyu_card_criminal.html', '2450001');
    expect(criminal).toMatchObject({
      caseNumber: '7У-1297/2026',
      caseUid: '26RS0001-01-2024-012553-83',
      caseType: 'criminal',
      courtName: 'Пятый кассационный суд общей юрисдикции',
      receivedDate: '2026-04-21',
      decisionDate: '2026-05-19',
      judge: 'Бурухина Мария Николаевна',
      result: 'ВЫНЕСЕНО РЕШЕНИЕ ПО СУЩЕСТВУ ДЕЛА',
      articles: 'ст.183 ч.4; ст.290 ч.3 УК РФ',
      parties: [{ roleAsWritten: 'ЛИЦА', name: 'Информация скрыта', articles: 'ст.183 ч.4; ст.290 ч.3 УК РФ' }],
    });
    expect(criminal.actText).toContain('КАССАЦИОННОЕ ОПРЕДЕЛЕНИЕ');
    expect(criminal.actText?.match(/<данные изъяты>/g)?.length).toBeGreaterThanOrEqual(18);
  });

  it('tells the case type from the page when the URL has no delo_id', () => {
    const bare = 'http://court.sudrf.ru/modules.php?name=sud_delo&name_op=case';
    const typeOf = (file: string) => {
      const card = parseCaseCard(realPage(`sudrf_html/${file}`), bare);
      return 'failure' in card ? card.reason : card.caseType;
    };
    expect(typeOf('kirov_koap_card_5-174-2026.html')).toBe('koap');
    expect(typeOf('5kas_card_koap_16-721-2026.html')).toBe('koap_appeal');
    expect(typeOf('ufa_criminal_card_1-151-2026.html')).toBe('criminal');
    expect(typeOf('ksoyu_case_card.html')).toBe('civil');
    expect(typeOf('ulyanovsk_vnkod_layout_card.html')).toBe('civil');
    expect(typeOf('samara_vnkod_layout_card_with_act.html')).toBe('kas'); // «33а-…»
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
    expect(samara).toMatchObject({ caseUid: '63RS0042-01-2025-002452-47', receivedDate: '2025-11-10', result: 'РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ', caseType: 'kas', courtName: 'Самарский областной суд' });
    expect(samara.parties).toHaveLength(6);
    expect(samara.parties[1]).toEqual({ roleAsWritten: 'АДВОКАТ', name: 'Рыжкова Е.А.', articles: null });
    expect(ulyanovsk).toMatchObject({ courtName: 'Заволжский районный суд г. Ульяновска', decisionDate: null, result: null, actText: null, articles: '2.213 - Иски о взыскании сумм по договору займа' });
  });

  it('returns a failure, not an exception, for broken or foreign pages', () => {
    expect(parseCaseCard('<html><body>nothing here</body></html>', cardUrl('1500001'))).toMatchObject({ failure: true });
    const whole = realPage('sudrf_html/kirov_koap_card_5-174-2026.html');
    expect(parseCaseCard(whole.slice(0, whole.length / 2), cardUrl('1500001'))).toMatchObject({ failure: true, reason: expect.stringMatching(/truncated/) });
    expect(parseCaseCard('\u0000\u0001garbage<<<>>>', cardUrl('1500001'))).toMatchObject({ failure: true });
    expect(parseCaseCard('', cardUrl('1500001'))).toMatchObject({ failure: true });
    // A list, a refusal page or an act-only page is not a card.
    for (const file of ['2kas_listing_adm33_koap.html', 'throttled_temporarily_unavailable.html', 'captcha_gate_error.html', 'ksoyu_act_doc_page.html']) {
      expect(parseCaseCard(realPage(`sudrf_html/${file}`), cardUrl('1500001')), file).toMatchObject({ failure: true, reason: expect.stringMatching(/not a case card/) });
    }
    const numberless = whole.replace('ДЕЛО № 5-174/2026', 'ДЕЛО');
    expect(parseCaseCard(numberless, cardUrl('1500001'))).toMatchObject({ failure: true, reason: expect.stringMatching(/no case number/) });
    expect(parseCaseCard(whole.replace(/<\/html>/gi, '').slice(0, 5000), 'not a url')).toMatchObject({ failure: true });
  });
});
