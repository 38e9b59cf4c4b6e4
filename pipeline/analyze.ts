// The pipeline over one document: normalize → citizenship → persons → charges → outcome.
// Pure: the same input always gives the same analysis.
import type { CaseCard } from '../db/case-card.ts';
import { findCitizenshipCues } from './citizenship.ts';
import { extractCharges } from './charges.ts';
import { normalizeDocument } from './normalize.ts';
import { appealDeadline, extractOutcomes, firstDate } from './outcome.ts';
import { personsFromCard, personsFromText } from './persons.ts';
import type { CaseAnalysis, KyrgyzVerdict, PersonMention } from './types.ts';

const isAccused = (person: PersonMention) => person.role === 'defendant' || person.role === 'person_charged';

function verdictFor(text: string, persons: PersonMention[]): KyrgyzVerdict {
  const cues = findCitizenshipCues(text);
  if (!persons.some(isAccused) && persons.length > 0) return { flag: 'no', confidence: 0.9, evidence: [] };
  if (cues.strong.length > 0) {
    // Another citizenship named as well lowers the confidence: the text may be about two people.
    const confidence = cues.other.length > 0 ? 0.8 : Math.min(0.99, 0.9 + 0.03 * cues.strong.length);
    return { flag: 'yes', confidence, evidence: [...cues.strong, ...cues.weak] };
  }
  const weakKinds = new Set(cues.weak.map((cue) => cue.cue));
  if (cues.other.length === 0 && weakKinds.size > 0) {
    return { flag: 'possible', confidence: weakKinds.size > 1 ? 0.6 : 0.4, evidence: cues.weak };
  }
  return { flag: 'no', confidence: cues.other.length > 0 ? 0.95 : 0.7, evidence: [] };
}

function withCitizenship(persons: PersonMention[], verdict: KyrgyzVerdict): PersonMention[] {
  return persons.map((person) => (isAccused(person) && verdict.flag === 'yes' ? { ...person, citizenship: 'KG' } : person));
}

export function analyzeDocument(input: { id: string; text: string }): CaseAnalysis {
  const text = normalizeDocument(input.text);
  const persons = personsFromText(text);
  const kyrgyz = verdictFor(text, persons);
  const decisionDate = firstDate(text);
  const charges = extractCharges(text);
  const caseType = charges.some((c) => c.code === 'УК') ? 'criminal' : 'koap';
  const caseNumber = text.match(/Дело\s+№\s*([\d\p{L}-]+\/\d{4})/u)?.[1];
  return {
    id: input.id,
    kyrgyz,
    persons: withCitizenship(persons, kyrgyz),
    charges,
    outcomes: extractOutcomes(text),
    ...(caseNumber ? { caseNumber } : {}),
    ...(decisionDate ? { decisionDate, appealDeadline: appealDeadline(decisionDate, caseType) ?? undefined } : {}),
    text,
  };
}

export function analyzeCaseCard(id: string, card: CaseCard): CaseAnalysis {
  const text = normalizeDocument(card.actText ?? '');
  const cardPersons = personsFromCard(card.parties);
  const persons = cardPersons.length > 0 ? cardPersons : personsFromText(text);
  const kyrgyz = verdictFor(text, persons);
  const cardCharges = extractCharges(card.parties.map((party) => party.articles ?? '').join('; '));
  const decisionDate = card.decisionDate ?? firstDate(text);
  const deadline = appealDeadline(decisionDate, card.caseType);
  return {
    id,
    kyrgyz,
    persons: withCitizenship(persons, kyrgyz),
    charges: cardCharges.length > 0 ? cardCharges : extractCharges(text),
    outcomes: extractOutcomes(text),
    ...(card.caseNumber ? { caseNumber: card.caseNumber } : {}),
    ...(card.courtName ? { court: card.courtName } : {}),
    ...(decisionDate ? { decisionDate } : {}),
    ...(deadline ? { appealDeadline: deadline } : {}),
    text,
  };
}

/** The JSON contract of `kuzet analyze`: the analysis without the analysed text. */
export function analysisToJson(analysis: CaseAnalysis): Omit<CaseAnalysis, 'text'> {
  const { text: _text, ...rest } = analysis;
  return rest;
}
