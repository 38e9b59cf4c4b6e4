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

// A word of the contract is written with the constant text around it, one piece instead of three
// (each + is a string made): «,"cue":"citizenship"}» rather than «,"cue":» + «"citizenship"» + «}».
// A value outside the lists is written as before.

function cueAndEnd(cue: string): string {
  switch (cue) {
    case 'citizenship':
      return ',"cue":"citizenship"}';
    case 'birthplace':
      return ',"cue":"birthplace"}';
    case 'name_particle':
      return ',"cue":"name_particle"}';
    case 'passport':
      return ',"cue":"passport"}';
    default:
      return `,"cue":${quoted(cue)}}`;
  }
}

function evidenceJson(span: EvidenceSpan): string {
  return `{"start":${number(span.start)},"end":${number(span.end)},"text":${quoted(span.text)}${cueAndEnd(span.cue)}`;
}

/** «,"role":"…","citizenship":». */
function roleAndCitizenshipKey(role: PersonMention['role']): string {
  switch (role) {
    case 'defendant':
      return ',"role":"defendant","citizenship":';
    case 'person_charged':
      return ',"role":"person_charged","citizenship":';
    case 'witness':
      return ',"role":"witness","citizenship":';
    case 'victim':
      return ',"role":"victim","citizenship":';
    case 'other':
      return ',"role":"other","citizenship":';
    default:
      return `,"role":"${role}","citizenship":`;
  }
}

/** «,"gender":…,"birthDate":». */
function genderAndBirthDateKey(gender: PersonMention['gender']): string {
  if (gender === null) return ',"gender":null,"birthDate":';
  if (gender === 'm') return ',"gender":"m","birthDate":';
  return gender === 'f' ? ',"gender":"f","birthDate":' : `,"gender":"${gender}","birthDate":`;
}

function personJson(person: PersonMention): string {
  let json = `{"name":${quoted(person.name)},"normalized":${quotedOrNull(person.normalized)}${roleAndCitizenshipKey(person.role)}${quotedOrNull(person.citizenship)}${genderAndBirthDateKey(person.gender)}${quotedOrNull(person.birthDate)}`;
  if (person.birthPlace !== undefined) json += `,"birthPlace":${quotedOrNull(person.birthPlace)}`;
  if (person.depersonalized !== undefined) json += person.depersonalized ? ',"depersonalized":true' : ',"depersonalized":false';
  return `${json}}`;
}

/** «{"code":"…","article":». */
function codeAndArticleKey(code: ChargeCitation['code']): string {
  switch (code) {
    case 'КоАП':
      return '{"code":"КоАП","article":';
    case 'УК':
      return '{"code":"УК","article":';
    case 'КАС':
      return '{"code":"КАС","article":';
    default:
      return `{"code":"${code}","article":`;
  }
}

function chargeJson(charge: ChargeCitation): string {
  return `${codeAndArticleKey(charge.code)}${quoted(charge.article)},"part":${quotedOrNull(charge.part)},"item":${quotedOrNull(charge.item)}}`;
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

/** «,"kyrgyz":{"flag":"…","confidence":». */
function flagAndConfidenceKey(flag: CaseAnalysis['kyrgyz']['flag']): string {
  if (flag === 'no') return ',"kyrgyz":{"flag":"no","confidence":';
  if (flag === 'yes') return ',"kyrgyz":{"flag":"yes","confidence":';
  return flag === 'possible' ? ',"kyrgyz":{"flag":"possible","confidence":' : `,"kyrgyz":{"flag":"${flag}","confidence":`;
}

/** The answer line for one analysis, without its text: JSON.stringify(analysisToJson(analysis)). */
export function analysisJsonLine(analysis: CaseAnalysis): string {
  const { kyrgyz, truncated } = analysis;
  let json = `{"id":${quoted(analysis.id)}${flagAndConfidenceKey(kyrgyz.flag)}${number(kyrgyz.confidence)},"evidence":${listJson(kyrgyz.evidence, evidenceJson)}}`;
  json += `,"persons":${listJson(analysis.persons, personJson)},"charges":${listJson(analysis.charges, chargeJson)},"outcomes":${listJson(analysis.outcomes, outcomeJson)}`;
  if (analysis.caseNumber !== undefined) json += `,"caseNumber":${quoted(analysis.caseNumber)}`;
  if (analysis.court !== undefined) json += `,"court":${quoted(analysis.court)}`;
  if (analysis.decisionDate !== undefined) json += `,"decisionDate":${quoted(analysis.decisionDate)}`;
  if (analysis.appealDeadline !== undefined) json += `,"appealDeadline":${quoted(analysis.appealDeadline)}`;
  if (truncated !== undefined) json += `,"truncated":{"analysedChars":${number(truncated.analysedChars)},"inputChars":${number(truncated.inputChars)}}`;
  return `${json}}`;
}
