// The mos-gorsud.ru parsers on the real saved pages (../shared/real-pages/mosgorsud_html),
// field by field.
import { describe, expect, it } from 'vitest';
import { normalizeLabel, parseCaseCard, type MosgorsudCard } from '../../../crawlers/sources/mosgorsud/parse-card.ts';
import { parseSearchPage } from '../../../crawlers/sources/mosgorsud/parse-search.ts';
import { mosgorsudSource } from '../../../crawlers/sources/mosgorsud/index.ts';
import type { FetchedPage } from '../../../crawlers/engine/source.ts';
import { realPage as readRealPage } from '../../helpers/real-pages.ts';

const realPage = (name: string) => readRealPage(`mosgorsud_html/${name}`);

const CARD_URL = 'https://mos-gorsud.ru/mgs/services/cases/first-admin/details/f89bca93-e99c-46fa-b65d-03be99e914d6';
const SEARCH_URL = 'https://mos-gorsud.ru/search?formType=fullForm&participant=%D0%92%D0%BE%D1%80%D0%BE%D0%B1%D1%8C%D0%B5%D0%B2';

describe('a real mos-gorsud.ru case card', () => {
  const card = parseCaseCard(realPage('mgs_card_3a-3843-2020.html'), CARD_URL) as MosgorsudCard;

  it('reads every label/value field, the judge under «Cудья» with a Latin C included', () => {
    expect('failure' in card).toBe(false);
    expect(card.caseNumber).toBe('3а-3843/2020');
    expect(card.caseUid).toBe('77OS0000-01-2020-003295-18');
    expect(card.caseType).toBe('kas');
    expect(card.courtName).toBe('Московский городской суд');
    expect(card.receivedDate).toBe('2020-03-18');
    expect(card.decisionDate).toBe('2020-10-16');
    expect(card.judge).toBe('Михалева Т.Д.');
    expect(card.result).toBe('Удовлетворено');
    expect(card.actText).toBeNull();
  });

  it('reads the parties under their roles', () => {
    expect(card.parties).toEqual([
      { roleAsWritten: 'Административный истец', name: 'Воробьёв В.В.', articles: null },
      { roleAsWritten: 'Административный ответчик', name: 'Совет депутатов муниципального округа Хамовники', articles: null },
    ]);
  });

  it('reads the hearings tab', () => {
    expect(card.hearings).toHaveLength(8);
    expect(card.hearings[0]).toEqual({ dateTime: '14.05.2020 15:30', room: '506 - Основное здание', stage: 'Беседа', result: 'Назначена новая беседа' });
    expect(card.hearings.at(-1)?.dateTime).toBe('05.10.2021 10:45');
  });

  it('lists the downloadable acts with their dates and types, and asks for the decisions only', () => {
    expect(card.acts.map((act) => act.type)).toContain('Мотивированное решение');
    const decision = card.acts.find((act) => act.type === 'Мотивированное решение');
    expect(decision).toEqual({
      date: '2020-10-26',
      type: 'Мотивированное решение',
      url: 'https://mos-gorsud.ru/mgs/cases/docs/content/9197400c-0f24-4172-85d7-a375a1231a6c',
    });
    const page: FetchedPage = {
      url: CARD_URL, kind: 'card', courtId: 1, userData: {}, httpStatus: 200, headers: {}, raw: new Uint8Array(), encoding: 'utf-8',
      text: realPage('mgs_card_3a-3843-2020.html'),
    };
    const result = mosgorsudSource().handlePage(page);
    expect(result.status).toBe('ok');
    expect(result.enqueue.map((spec) => spec.kind)).toEqual(card.acts.map(() => 'act'));
    expect(result.enqueue.every((spec) => spec.url.startsWith('https://mos-gorsud.ru/mgs/cases/docs/content/'))).toBe(true);
  });

  it('normalises Latin look-alikes in labels', () => {
    expect(normalizeLabel(' Cудья\n')).toBe('судья');
  });
});

describe('a real mos-gorsud.ru search page', () => {
  const page = parseSearchPage(realPage('mgs_search_by_participant.html'), SEARCH_URL);

  it('reads every tr[data-href] row as a card link without the searched name', () => {
    expect(page.rows).toHaveLength(11);
    expect(page.rows[0]!.cardUrl).toBe('https://mos-gorsud.ru/mgs/services/cases/first-admin/details/df043061-4638-11ed-8d08-f17fce8d2817');
    expect(page.rows.every((row) => !row.cardUrl.includes('participant'))).toBe(true);
    expect(new Set(page.rows.map((row) => row.cardUrl)).size).toBe(11);
  });

  it('reads the columns by their headers', () => {
    const first = page.rows[0]!;
    expect(first.caseNumber).toBe('3а-2719/2023');
    expect(first.status).toBe('Вступило в силу, 05.04.2023');
    expect(first.category).toBe('9 - Оспаривание НПА иных органов государственной власти субъекта РФ');
    expect(first.judge).toBe('Баталова И.С.');
    // The cut party list is read whole from data-full-text.
    expect(first.parties).toContain('Якушенко Н.А.');
    expect(first.parties).toContain('Административный ответчик');
  });

  it('is a results page without further pages', () => {
    expect(page.hasResultsTable).toBe(true);
    expect(page.pageUrls).toEqual([]);
  });
});

describe('a hostile mos-gorsud.ru search page', () => {
  it('passes over links that are no URL instead of throwing (found by the hostile-input property test)', () => {
    const html = '<a href="http://[bad?page=2">2</a><a href="/search?page=3">3</a>';
    expect(parseSearchPage(html, 'https://mos-gorsud.ru/search?page=1').pageUrls).toEqual(['https://mos-gorsud.ru/search?page=3']);
  });
});
