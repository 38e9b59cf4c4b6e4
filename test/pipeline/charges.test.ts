import { describe, expect, it } from 'vitest';
import { extractCharges } from '../../pipeline/charges.ts';

describe('charge extraction', () => {
  it.each([
    ['ч. 1.1 ст. 18.8 КоАП РФ', [{ code: 'КоАП', article: '18.8', part: '1.1', item: null }]],
    ['ст.18.8 ч.3.1 КоАП РФ', [{ code: 'КоАП', article: '18.8', part: '3.1', item: null }]],
    ['частью 3.1 статьи 18.8 Кодекса Российской Федерации об административных правонарушениях', [{ code: 'КоАП', article: '18.8', part: '3.1', item: null }]],
    ['п. "а" ч. 2 ст. 158 УК РФ', [{ code: 'УК', article: '158', part: '2', item: 'а' }]],
    ['п.п. "а,в" ч.2 ст.158 УК РФ', [{ code: 'УК', article: '158', part: '2', item: 'а' }, { code: 'УК', article: '158', part: '2', item: 'в' }]],
    ['ст.ст. 158, 161 УК РФ', [{ code: 'УК', article: '158', part: null, item: null }, { code: 'УК', article: '161', part: null, item: null }]],
    ['ст.173.1 ч.2 п.б УК РФ', [{ code: 'УК', article: '173.1', part: '2', item: 'б' }]],
    ['ч. 2 ст. 322 УК РФ', [{ code: 'УК', article: '322', part: '2', item: null }]],
    ['руководствуясь ст.ст. 29.9, 29.10 КоАП РФ, ст. 73 УК РФ', []],
  ])('%s', (text, expected) => {
    expect(extractCharges(text)).toEqual(expected);
  });
});
