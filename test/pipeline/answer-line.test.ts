// The answer line `kuzet analyze` writes (pipeline/answer-line.ts) is exactly what JSON.stringify
// gives for the contract object (analysisToJson), on every act of the corpus and on analyses whose
// strings JSON must escape.
import { describe, expect, it } from 'vitest';
import { analysisToJson, analyzeDocument, analyzeJsonLine } from '../../pipeline/analyze.ts';
import { analysisJsonLine } from '../../pipeline/answer-line.ts';
import type { CaseAnalysis, ChargeCitation, EvidenceSpan, KyrgyzVerdict, OutcomeRecord, PersonMention } from '../../pipeline/types.ts';
import { corpusTexts } from '../../bench/pipeline-paths.ts';

/** Strings a document may hold that JSON must escape, or that look like markup. */
const HOSTILE = ['"quoted" \\ back\\slash', 'line\nbreak\ttab\r\u0000\u001f\u007f', 'lone \ud800 high', 'lone \udfff low', 'pair 😀 ok', 'sep \u2028 \u2029', '</script><b>Асанов</b>', ''];

// Every key of every type set (Required: a key added to a type fails to compile here until it is
// given a value, and then the comparison below fails until answer-line.ts writes it).
const evidence: Required<EvidenceSpan> = { start: 3, end: 40, text: HOSTILE[0]!, cue: 'citizenship' };
const kyrgyz: Required<KyrgyzVerdict> = { flag: 'possible', confidence: 0.6, evidence: [evidence, { ...evidence, text: HOSTILE[1]! }] };
const person: Required<PersonMention> = {
  name: HOSTILE[2]!,
  normalized: HOSTILE[3]!,
  role: 'person_charged',
  citizenship: 'KG',
  gender: 'f',
  birthDate: '1990-01-31',
  birthPlace: HOSTILE[4]!,
  depersonalized: false,
};
const charge: Required<ChargeCitation> = { code: 'КоАП', article: '18.8', part: '3.1', item: 'а' };
const outcome: Required<OutcomeRecord> = { kind: 'imprisonment', amountRub: 5000, days: 10, months: 18, regime: 'general', person: HOSTILE[5]! };
const everything: Required<CaseAnalysis> = {
  id: HOSTILE[6]!,
  kyrgyz,
  persons: [person, { ...person, normalized: null, citizenship: null, gender: null, birthDate: null, birthPlace: null, depersonalized: true }],
  charges: [charge, { ...charge, code: 'УК', part: null, item: null }],
  outcomes: [outcome, { kind: 'fine', amountRub: 2000.5 }],
  caseNumber: '5-123/2026',
  court: HOSTILE[7]!,
  decisionDate: '2026-03-10',
  appealDeadline: '2026-03-20',
  truncated: { analysedChars: 1_000_000, inputChars: 1_500_000 },
  text: 'not written',
};

describe('the answer line', () => {
  it('is what JSON.stringify writes for the contract object, on every act of the corpus', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(400);
    for (const input of texts) {
      const analysis = analyzeDocument(input);
      expect(analysisJsonLine(analysis), input.id).toBe(JSON.stringify(analysisToJson(analysis)));
    }
  });

  it('escapes what JSON must escape and writes every key of every type', () => {
    const line = analysisJsonLine(everything);
    expect(line).toBe(JSON.stringify(analysisToJson(everything)));
    expect(JSON.parse(line)).toEqual(analysisToJson(everything));
    for (const key of ['birthPlace', 'depersonalized', 'regime', 'person', 'court', 'truncated']) expect(line).toContain(`"${key}":`);
    expect(line).not.toContain('not written');
  });

  it('leaves out optional keys that are not set, as JSON.stringify does', () => {
    const bare: CaseAnalysis = { id: 'bare', kyrgyz: { flag: 'no', confidence: 0.7, evidence: [] }, persons: [], charges: [], outcomes: [{ kind: 'returned' }] };
    expect(analysisJsonLine(bare)).toBe('{"id":"bare","kyrgyz":{"flag":"no","confidence":0.7,"evidence":[]},"persons":[],"charges":[],"outcomes":[{"kind":"returned"}]}');
  });

  it('lists evidence spans with the contract keys only (a statement span carries its country inside the pipeline)', () => {
    const output = JSON.parse(analyzeJsonLine(JSON.stringify({ id: 'a', text: 'Постановление. В отношении гражданина Кыргызской Республики Асанова Бакыта, признать Асанова Бакыта виновным.' }))) as {
      kyrgyz: { evidence: object[] };
    };
    expect(output.kyrgyz.evidence.length).toBeGreaterThan(0);
    for (const span of output.kyrgyz.evidence) expect(Object.keys(span)).toEqual(['start', 'end', 'text', 'cue']);
  });
});
