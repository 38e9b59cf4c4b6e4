import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analysisToJson, analyzeCaseCard, analyzeDocument, analyzeJsonLines } from '../../pipeline/analyze.ts';
import { corpusLabelSchema } from '../corpus/labels.ts';
import { sampleCard } from '../helpers/seed-case.ts';
import { realPage } from '../helpers/real-pages.ts';

describe('analyzeCaseCard', () => {
  it('takes names, roles and charges from the card and citizenship evidence from the depersonalised act', () => {
    const actText = 'ПОСТАНОВЛЕНИЕ\n20 ноября 2026 года\nСудья … рассмотрев дело в отношении ФИО1, ДД.ММ.ГГГГ года рождения, гражданина Кыргызской Республики,\nПОСТАНОВИЛ:\nПризнать ФИО1 виновным … штрафа в размере 5000 рублей с административным выдворением за пределы Российской Федерации в форме контролируемого самостоятельного выезда.';
    const card = sampleCard({
      parties: [{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'МАХМУДОВ ДАВРОН ПУЛАТОВИЧ', articles: 'ст.18.8 ч.3.1 КоАП РФ' }],
      actText,
    });
    const a = analyzeCaseCard('card-1', card);
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.persons).toEqual([expect.objectContaining({ name: 'МАХМУДОВ ДАВРОН ПУЛАТОВИЧ', normalized: 'Махмудов Даврон Пулатович', role: 'person_charged', citizenship: 'KG', gender: 'm' })]);
    expect(a.charges).toEqual([{ code: 'КоАП', article: '18.8', part: '3.1', item: null }]);
    expect(a.outcomes).toEqual([{ kind: 'fine', amountRub: 5000 }, { kind: 'expulsion_self' }]);
    expect(a).toMatchObject({ caseNumber: '5-101/2026', decisionDate: '2026-11-20', appealDeadline: '2026-11-30' });
    const span = a.kyrgyz.evidence[0]!;
    expect(a.text!.slice(span.start, span.end)).toBe('гражданина Кыргызской Республики');
  });

  it('does not flag when the card says the Kyrgyz person in the act is a witness', () => {
    const card = sampleCard({ parties: [{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'ИВАНОВ И.И.', articles: 'ст.18.15 ч.1 КоАП РФ' }], actText: 'в отношении Иванова И.И., гражданина РФ,\nСвидетель Асанов Б.Т., гражданин Кыргызской Республики, пояснил' });
    expect(analyzeCaseCard('c', card).kyrgyz.flag).toBe('no');
  });

  it('works without a published act: charges from the card header, outcome from the result', () => {
    const card = sampleCard({ parties: [{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'АСАНОВ Б.', articles: null }], articles: 'КоАП: ст. 18.8 ч.1.1', actText: null, result: 'Возвращено' });
    const a = analyzeCaseCard('c', card);
    expect(a).toMatchObject({ text: '', charges: [{ code: 'КоАП', article: '18.8', part: '1.1', item: null }], outcomes: [{ kind: 'returned' }], kyrgyz: { flag: 'no' } });
  });
});

describe('analyzeDocument on real pages and hostile input', () => {
  it('reads the real sudrf card HTML without crashing and keeps its output as data', () => {
    for (const page of ['kirov_koap_card_5-174-2026.html', 'ufa_criminal_card_1-151-2026.html', 'ulyanovsk_vnkod_layout_card.html']) {
      const a = analyzeDocument({ id: page, text: realPage(`sudrf_html/${page}`) });
      expect(a.kyrgyz.flag).toBe('no');
      expect(JSON.parse(JSON.stringify(analysisToJson(a)))).toMatchObject({ id: page });
    }
  });

  it('treats script payloads, huge runs and odd characters as text', () => {
    const hostile = `<div>${'<script>throw new Error("x")</script>'.repeat(50)}${'а'.repeat(200_000)} гражданина Кыргызской Республики \u0000\ud800 ${'ст. '.repeat(5000)}</div>`;
    const a = analyzeDocument({ id: 'h', text: hostile });
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.text).not.toContain('throw new Error');
  });
});

describe('analyzeJsonLines', () => {
  it('answers every line, malformed ones with an error, and drops the text', async () => {
    const lines = [JSON.stringify({ id: 'a', text: 'в отношении Асанова Б., гражданина КР, по ч. 1.1 ст. 18.8 КоАП РФ' }), '{"id":"b"}', 'nope', '', JSON.stringify({ id: 'c', text: '<p>x</p>' })];
    const out: unknown[] = [];
    for await (const line of analyzeJsonLines(lines)) out.push(JSON.parse(line));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'a', kyrgyz: { flag: 'yes' } });
    expect(out[0]).not.toHaveProperty('text');
    expect(out[1]).toMatchObject({ id: 'b', error: expect.any(String) });
    expect(out[2]).toMatchObject({ id: null, error: 'not valid JSON' });
    expect(out[3]).toMatchObject({ id: 'c', kyrgyz: { flag: 'no' } });
  });
});

describe('the labelled corpus (regression guard on the tune part)', () => {
  it('flags exactly the Kyrgyz defendants and reads every charge', () => {
    const corpus = resolve(fileURLToPath(new URL('../corpus', import.meta.url)));
    let wrongFlags = 0;
    let wrongCharges = 0;
    const labels = readdirSync(resolve(corpus, 'labels')).map((f) => corpusLabelSchema.parse(JSON.parse(readFileSync(resolve(corpus, 'labels', f), 'utf8'))));
    for (const label of labels.filter((l) => l.split === 'tune')) {
      const a = analyzeDocument({ id: label.id, text: readFileSync(resolve(corpus, 'docs', `${label.id}.txt`), 'utf8') });
      if ((a.kyrgyz.flag === 'yes') !== (label.caseFlag === 'yes')) wrongFlags += 1;
      const charges = new Set(a.charges.map((c) => `${c.article}|${c.part}`));
      if (label.charges.some((c) => !charges.has(`${c.article}|${c.part}`)) || charges.size !== label.charges.length) wrongCharges += 1;
    }
    expect(wrongFlags).toBe(0);
    expect(wrongCharges).toBe(0);
  });
});

describe('analyzeCaseCard on real sudrf cards (parsed by the sudrf source)', () => {
  it('keeps civil and КАС parties uncharged unless they are the foreign citizen, and charges to the case type', async () => {
    const { parseCaseCard } = await import('../../crawlers/sources/sudrf/parse-card.ts');
    const analyse = (file: string) => {
      const card = parseCaseCard(realPage(`sudrf_html/${file}`), 'http://court.example/');
      if ('reason' in card) throw new Error(String(card.reason));
      return analyzeCaseCard(file, card);
    };
    const koap = analyse('kirov_koap_card_5-174-2026.html');
    expect(koap.persons.filter((p) => p.role === 'person_charged').map((p) => p.normalized)).toEqual(['Ананьева Дарья Сергеевна']);
    expect(koap.charges).toEqual([{ code: 'КоАП', article: '19.34', part: '1', item: null }]);
    const criminal = analyse('ufa_criminal_card_1-151-2026.html');
    expect(criminal).toMatchObject({ kyrgyz: { flag: 'no' }, charges: [{ code: 'УК', article: '173.1', part: '2', item: 'б' }], outcomes: [{ kind: 'fine', amountRub: 50000 }], appealDeadline: '2026-05-21' });
    const civil = analyse('ulyanovsk_vnkod_layout_card.html');
    expect(civil.persons.every((p) => p.role === 'other')).toBe(true);
    expect(analyse('samara_vnkod_layout_card_with_act.html').charges).toEqual([]);
  });
});
