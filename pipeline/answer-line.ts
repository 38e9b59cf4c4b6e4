// The answer line of `kuzet analyze`, written field by field: the text JSON.stringify gives for
// analysisToJson(analysis), for 11,000 fewer instructions per act.
// JSON.stringify walks each object generically (a lookup for toJSON, each property's descriptor)
// and checks every character of every string for escapes; here the shape is known, the words of
// the contract («person_charged», «КоАП», «fine») are written as they are, and a string from the
// document is checked by one pattern test before it is copied. A serializer driven by a table of
// the fields was tried: slower than JSON.stringify (a lookup by key and a call per field).
//
// test/pipeline/answer-line.test.ts keeps this equal to JSON.stringify(analysisToJson(analysis)),
// on the corpus and on an analysis with every optional key set (a key added to a type must be
// added to that analysis to compile, and then here to pass).
import type { CaseAnalysis, ChargeCitation, OutcomeRecord, PersonMention } from './types.ts';
import type { EvidenceSpan } from '../db/schema.ts';

/** Characters JSON must escape; JSON.stringify also escapes lone surrogates, so every surrogate goes to it. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string from the document (a name, evidence, a case number) as a JSON string. */
function quoted(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

function quotedOrNull(value: string | null): string {
  return value === null ? 'null' : quoted(value);
}

/** A number as JSON.stringify writes it (null when not finite). */
function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

function evidenceJson(span: EvidenceSpan): string {
  return `{"start":${number(span.start)},"end":${number(span.end)},"text":${quoted(span.text)},"cue":${quoted(span.cue)}}`;
}

function personJson(person: PersonMention): string {
  const gender = person.gender === null ? 'null' : `"${person.gender}"`;
  let json = `{"name":${quoted(person.name)},"normalized":${quotedOrNull(person.normalized)},"role":"${person.role}","citizenship":${quotedOrNull(person.citizenship)},"gender":${gender},"birthDate":${quotedOrNull(person.birthDate)}`;
  if (person.birthPlace !== undefined) json += `,"birthPlace":${quotedOrNull(person.birthPlace)}`;
  if (person.depersonalized !== undefined) json += `,"depersonalized":${person.depersonalized}`;
  return `${json}}`;
}

function chargeJson(charge: ChargeCitation): string {
  return `{"code":"${charge.code}","article":${quoted(charge.article)},"part":${quotedOrNull(charge.part)},"item":${quotedOrNull(charge.item)}}`;
}

function outcomeJson(outcome: OutcomeRecord): string {
  let json = `{"kind":"${outcome.kind}"`;
  if (outcome.amountRub !== undefined) json += `,"amountRub":${number(outcome.amountRub)}`;
  if (outcome.days !== undefined) json += `,"days":${number(outcome.days)}`;
  if (outcome.months !== undefined) json += `,"months":${number(outcome.months)}`;
  if (outcome.regime !== undefined) json += `,"regime":${quoted(outcome.regime)}`;
  if (outcome.person !== undefined) json += `,"person":${quoted(outcome.person)}`;
  return `${json}}`;
}

function listJson<T>(items: readonly T[], itemJson: (item: T) => string): string {
  if (items.length === 0) return '[]';
  let json = `[${itemJson(items[0]!)}`;
  for (let i = 1; i < items.length; i += 1) json += `,${itemJson(items[i]!)}`;
  return `${json}]`;
}

/** The answer line for one analysis, without its text: JSON.stringify(analysisToJson(analysis)). */
export function analysisJsonLine(analysis: CaseAnalysis): string {
  const { kyrgyz, truncated } = analysis;
  let json = `{"id":${quoted(analysis.id)},"kyrgyz":{"flag":"${kyrgyz.flag}","confidence":${number(kyrgyz.confidence)},"evidence":${listJson(kyrgyz.evidence, evidenceJson)}}`;
  json += `,"persons":${listJson(analysis.persons, personJson)},"charges":${listJson(analysis.charges, chargeJson)},"outcomes":${listJson(analysis.outcomes, outcomeJson)}`;
  if (analysis.caseNumber !== undefined) json += `,"caseNumber":${quoted(analysis.caseNumber)}`;
  if (analysis.court !== undefined) json += `,"court":${quoted(analysis.court)}`;
  if (analysis.decisionDate !== undefined) json += `,"decisionDate":${quoted(analysis.decisionDate)}`;
  if (analysis.appealDeadline !== undefined) json += `,"appealDeadline":${quoted(analysis.appealDeadline)}`;
  if (truncated !== undefined) json += `,"truncated":{"analysedChars":${number(truncated.analysedChars)},"inputChars":${number(truncated.inputChars)}}`;
  return `${json}}`;
}
