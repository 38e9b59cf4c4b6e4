import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analysisToJson, analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import { MAX_ANALYSED_CHARS } from '../../pipeline/limits.ts';
import { sampleCard } from '../helpers/seed-case.ts';

const act = readFileSync(fileURLToPath(new URL('../corpus/docs/gen-0145.txt', import.meta.url)), 'utf8');
/** An act repeated to at least `megabytes` MB of UTF-16 (what a 20 MB court page becomes in memory). */
const huge = (piece: string, megabytes: number) => piece.repeat(Math.ceil((megabytes * 1024 * 1024) / (piece.length * 2)));

describe('bounded work per document', () => {
  it('analyses a 20 MB act up to the cap and says it was truncated', () => {
    const text = huge(`${act}\n`, 20);
    const analysis = analyzeDocument({ id: 'huge', text });
    expect(analysis.truncated).toEqual({ analysedChars: analysis.text!.length, inputChars: text.length });
    expect(analysis.text!.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(analysis.text!.length).toBeGreaterThan(MAX_ANALYSED_CHARS - 10_000);
    // What was read is still understood, and the JSON output says it was cut.
    expect(analysis.kyrgyz.flag).toBe('yes');
    expect(analysisToJson(analysis)).toMatchObject({ truncated: { inputChars: text.length } });
  }, 60_000);

  it('caps a 20 MB HTML act of a card the same way', () => {
    const paragraph = `<p>${act.replace(/\n/g, ' ')}</p>\n`;
    const actText = `<html><body><div id="cont_doc1">${huge(paragraph, 20)}</div></body></html>`;
    const analysis = analyzeCaseCard('huge-card', sampleCard({ actText }));
    expect(analysis.truncated?.inputChars).toBe(actText.length);
    expect(analysis.text!.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(analysis.kyrgyz.flag).toBe('yes');
  }, 60_000);

  it('says nothing about truncation for an act of ordinary length', () => {
    const analysis = analyzeDocument({ id: 'normal', text: act });
    expect(analysis.truncated).toBeUndefined();
    expect('truncated' in analysisToJson(analysis)).toBe(false);
  });
});
