import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../pipeline/analyze.ts';
import { realPage } from '../helpers/real-pages.ts';

const analyze = (file: string) => analyzeDocument({ id: file, text: realPage(`decision_txt/${file}`) });

describe('pipeline on real published КоАП decisions', () => {
  it.each([
    ['smbackend_case_fine_0.txt', { kind: 'fine', amountRub: 500 }],
    ['smbackend_case_fine_3.txt', { kind: 'fine', amountRub: 1000 }],
    ['smbackend_case_returned_1.txt', { kind: 'returned' }],
    ['smbackend_case_returned_3.txt', { kind: 'returned' }],
    ['smbackend_case_forward_1.txt', { kind: 'forwarded' }],
    ['smbackend_case_cancelled_0.txt', { kind: 'cancelled' }],
    ['smbackend_case_works_0.txt', { kind: 'other' }],
  ])('%s: outcome %o', (file, outcome) => {
    expect(analyze(file).outcomes).toEqual([outcome]);
  });

  it('takes «Признать ФИО8 виновным» in fine_0 for the one person named charged (the depersonaliser missed the rest of the act)', () => {
    const analysis = analyze('smbackend_case_fine_0.txt');
    const charged = analysis.persons.filter((p) => p.role === 'person_charged');
    expect(charged.map((p) => p.normalized)).toEqual(['Азиз заде Камиль Вугар оглы']);
    // One person charged: the fine is not written for anyone in particular (before: for «ФИО8»).
    expect(analysis.outcomes).toEqual([{ kind: 'fine', amountRub: 500 }]);
  });

  it('reads the charge of the decision (ч. 1.1 ст. 19.3 КоАП) and not the procedural articles', () => {
    const analysis = analyze('smbackend_case_fine_0.txt');
    expect(analysis.charges).toContainEqual({ code: 'КоАП', article: '19.3', part: '1.1', item: null });
    expect(analysis.charges.map((c) => c.article)).not.toContain('29.9');
    expect(analysis.charges.map((c) => c.article)).not.toContain('24.5');
  });

  it('does not flag a foreign national whose citizenship is redacted («Гражданин <данные изъяты>»)', () => {
    const analysis = analyze('smbackend_case_fine_0.txt');
    expect(analysis.kyrgyz.flag).toBe('no');
    expect(analysis.kyrgyz.evidence).toEqual([]);
  });

  it('flags none of the real texts: none mentions Kyrgyzstan', () => {
    for (const file of ['fine_0', 'fine_3', 'forward_1', 'returned_1', 'returned_3', 'works_0', 'works_4', 'caution_1', 'cancelled_0']) {
      expect(analyze(`smbackend_case_${file}.txt`).kyrgyz.flag).toBe('no');
    }
  });
});
