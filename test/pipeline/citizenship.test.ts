import { describe, expect, it } from 'vitest';
import { analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import { sampleCard } from '../helpers/seed-case.ts';

const act = (body: string) => `ПОСТАНОВЛЕНИЕ\n05 ноября 2026 года г. Екатеринбург\n${body}\nПОСТАНОВИЛ:\nПризнать виновным и назначить наказание в виде административного штрафа в размере 2 000 рублей с административным выдворением за пределы Российской Федерации в форме принудительного выдворения.`;

describe('Kyrgyz citizenship with evidence', () => {
  it('flags a strong cue and points at the exact words', () => {
    const a = analyzeDocument({ id: '1', text: act('в отношении Мамытова Азамата Бековича, 12.03.1995 года рождения, гражданина Кыргызской Республики, по ч. 1.1 ст. 18.8 КоАП РФ') });
    expect(a.kyrgyz.flag).toBe('yes');
    const span = a.kyrgyz.evidence.find((e) => e.cue === 'citizenship')!;
    expect(a.text!.slice(span.start, span.end)).toBe('гражданина Кыргызской Республики');
    expect(a.persons[0]).toMatchObject({ normalized: 'Мамытов Азамат Бекович', citizenship: 'KG', gender: 'm', birthDate: '1995-03-12' });
    expect(a.outcomes).toEqual([{ kind: 'fine', amountRub: 2000 }, { kind: 'expulsion_forced' }]);
    expect(a.charges).toEqual([{ code: 'КоАП', article: '18.8', part: '1.1', item: null }]);
    expect(a.decisionDate).toBe('2026-11-05');
    expect(a.appealDeadline).toBe('2026-11-15');
  });

  it.each([
    ['гражданина Республики Узбекистан Каримова Шерзода', 'no'],
    ['гражданина Республики Таджикистан, с участием переводчика с киргизского языка', 'no'],
    ['гражданина Республики Казахстан Жумабаева Ерлана', 'no'],
    ['гражданина <данные изъяты>', 'no'],
    ['гражданина Российской Федерации, допрошен свидетель гражданин Кыргызской Республики Асанов Б.', 'no'],
    ['гражданки КР Сыдыковой Айгуль', 'yes'],
    ['гражданина Киргизии', 'yes'],
    ['гражданина Республики Кыргызстан', 'yes'],
    ['уроженца г. Ош Киргизской ССР, гражданство не установлено', 'possible'],
    ['лица без гражданства, проживавшего в КРАСНОЯРСКЕ', 'no'],
  ])('%s → %s', (body, flag) => {
    expect(analyzeDocument({ id: 't', text: act(`в отношении ФИО1, ${body}, по ч. 1 ст. 18.8 КоАП РФ`) }).kyrgyz.flag).toBe(flag);
  });

  it('does not flag a case whose only person is not accused (witness in a card)', () => {
    const card = sampleCard({ parties: [{ roleAsWritten: 'СВИДЕТЕЛЬ', name: 'Асанов Б.', articles: null }] });
    expect(analyzeCaseCard('c', card).kyrgyz.flag).toBe('no');
  });

  it('survives hostile text: markup in plain text stays data (the dashboard escapes it)', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> гражданина Кыргызской Республики \u200b\u0000';
    const a = analyzeDocument({ id: 'x', text: hostile });
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.text).toContain('<script>alert(1)</script>');
    const page = analyzeDocument({ id: 'y', text: `<html><body><div>${hostile}</div></body></html>` });
    expect(page.text).not.toContain('alert(1)</script>');
    expect(page.kyrgyz.flag).toBe('yes');
  });
});
