import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeDocuments } from '../../pipeline/analyze.ts';
import { analysisJsonLine } from '../../pipeline/answer-line.ts';
import { analyzeJsonLineBatch } from '../../pipeline/json-lines.ts';
import { realPagesDir } from '../helpers/real-pages.ts';

function documents(): { id: string; text: string }[] {
  const corpus = resolve(fileURLToPath(new URL('../corpus', import.meta.url)));
  const dirs = [resolve(corpus, 'docs'), resolve(corpus, 'handwritten/docs'), resolve(realPagesDir, 'decision_txt'), resolve(realPagesDir, 'sudrf_html')];
  return dirs.flatMap((dir) => readdirSync(dir).sort().map((f) => ({ id: f, text: readFileSync(resolve(dir, f), 'utf8') })));
}

describe('analyzeDocuments: a batch analysed stage by stage', () => {
  it('answers each document as analyzeDocument does alone, in order', () => {
    const inputs = documents();
    const alone = inputs.map((input) => analysisJsonLine(analyzeDocument(input)));
    const batched = analyzeDocuments(inputs);
    expect(batched.map((a) => a.id)).toEqual(inputs.map((i) => i.id));
    expect(batched.map(analysisJsonLine)).toEqual(alone);
    // The evidence offsets refer to each document's own text.
    for (const analysis of batched) for (const e of analysis.kyrgyz.evidence) expect(analysis.text!.slice(e.start, e.end)).toBe(e.text);
  });

  it('gives the same answers in a batch whichever documents share it', () => {
    const inputs = documents().slice(0, 40);
    const forward = analyzeDocuments(inputs).map(analysisJsonLine);
    const backward = analyzeDocuments([...inputs].reverse()).map(analysisJsonLine).reverse();
    expect(backward).toEqual(forward);
  });
});

describe('analyzeJsonLineBatch', () => {
  it('answers every line in order when one document of the batch fails', () => {
    const kyrgyz = JSON.stringify({ id: 'a', text: 'в отношении Асанова Б., гражданина КР, по ч. 1.1 ст. 18.8 КоАП РФ' });
    const failing = (inputs: { id: string; text: string }[]) => {
      if (inputs.some((input) => input.id === 'fails')) throw new Error('broken document');
      return analyzeDocuments(inputs);
    };
    const lines = [kyrgyz, JSON.stringify({ id: 'fails', text: 'x' }), 'nope', JSON.stringify({ id: 'c', text: '<p>x</p>' })];
    const out = analyzeJsonLineBatch(lines, failing).map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'a', kyrgyz: { flag: 'yes' } });
    expect(out[1]).toEqual({ id: 'fails', error: 'analysis failed: broken document' });
    expect(out[2]).toMatchObject({ id: null, error: 'not valid JSON' });
    expect(out[3]).toMatchObject({ id: 'c', kyrgyz: { flag: 'no' } });
  });
});
