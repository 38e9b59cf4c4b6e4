// The pipeline over documents: normalize → persons → citizenship → charges → outcome, each stage
// over a whole batch before the next (analyzeDocuments).
// Pure: the same input always gives the same analysis. Evidence offsets refer to `text` in the
// result: the normalized document (analyzeDocument) or the normalized act text of a card
// (analyzeCaseCard; empty when the card has no published act).
import type { CaseCard } from '../db/case-card.ts';
import { extractCharges } from './charges.ts';
import { decideKyrgyz, type KyrgyzDecision, type PersonCitizenship } from './kyrgyz-verdict.ts';
import { nameCompleteness, nameKey, useWrittenNames, type WrittenNames } from './name-forms.ts';
import { newNeedleIndex, useNeedleIndex, type NeedleIndex } from './cyrillic.ts';
import { capText, type CappedText } from './limits.ts';
import { normalizeDocument } from './normalize.ts';
import { appealDeadline, firstDate } from './decision-date.ts';
import { extractOutcomes, extractOutcomesByHolder } from './outcome.ts';
import { personsFromCard } from './card-persons.ts';
import { personsFromText, type PersonInText } from './persons.ts';
import type { CaseAnalysis, ChargeCitation, KyrgyzVerdict, OutcomeRecord, PersonMention } from './types.ts';

export { analysisToJson, analyzeJsonLine, analyzeJsonLines } from './json-lines.ts';

const isAccused = (person: PersonMention) => person.role === 'defendant' || person.role === 'person_charged';
// Found from «№»: the words that may precede it do not change the number read.
const CASE_NUMBER = /№\s*(\d{1,2}[а-я]?-\d{1,6}\s?\/\s?\d{2,4}(?:\s?\([^)]{1,20}\))?)/u;

const SPACE = /\s/;
const SPACES = /\s/g;
const ISO_CODE = /^[A-Z]{2}$/;

/** The case number near the top of the act, without the spaces some courts put in it. */
function caseNumberIn(text: string): string | undefined {
  const written = CASE_NUMBER.exec(text.slice(0, 2000))?.[1];
  // Most numbers have no space: a test is cheaper than a global replace that finds nothing.
  return written && SPACE.test(written) ? written.replace(SPACES, '') : written;
}

function withCitizenship(person: PersonMention, decision: PersonCitizenship | undefined): PersonMention {
  const country = decision?.country;
  return { ...person, citizenship: country && ISO_CODE.test(country) ? country : null };
}

function textPersonsOut(persons: PersonInText[], decision: KyrgyzDecision): PersonMention[] {
  return persons.map((p) => withCitizenship(p.mention, decision.byPerson.get(p)));
}

/**
 * The act's outcomes; with several persons charged, each penalty names the person it was decided
 * for (`nameOf` gives the name the analysis lists that person under, null when it lists them not).
 */
function outcomesFor(text: string, persons: PersonInText[], nameOf: (person: PersonInText) => string | null): OutcomeRecord[] {
  const accused = persons.filter((p) => !p.organisation && isAccused(p.mention));
  if (accused.length < 2) return extractOutcomes(text);
  return extractOutcomesByHolder(text, accused.map((p) => ({ holder: p, spans: p.spans }))).map(({ outcome, holder }) => {
    const name = holder ? nameOf(holder) : null;
    return name ? { ...outcome, person: name } : outcome;
  });
}

// The words of an act by the kind of proceedings, for an act that cites no article read as a charge.
const KAS_WORDS = /административн\p{L}*\s+(?:исков|истц|ответчик|дел[оау](?!\p{L}))|Кодекса\s+административного\s+судопроизводства|КАС\s+РФ/u;
const CRIMINAL_WORDS = /ПРИГОВОР|[Пп]риговор|уголовн\p{L}*\s+дел|УК\s+РФ|Уголовного\s+кодекса/u;
const KOAP_WORDS = /административн\p{L}*\s+правонарушени|КоАП/u;

/**
 * The kind of proceedings, for the appeal deadline: by the codes of the charges, else by the act's
 * words («административное исковое заявление» is a КАС case, whose deadline is not computed);
 * 'unknown' (no deadline) when it says neither. Before, an act without a charge read was taken for
 * a КоАП case, and a КАС decision on an entry ban was given a 10-day deadline.
 */
function caseTypeOf(charges: ChargeCitation[], text: string): string {
  if (charges.some((c) => c.code === 'УК')) return 'criminal';
  if (charges.some((c) => c.code === 'КАС')) return 'kas';
  if (charges.length > 0) return 'koap';
  const head = text.slice(0, 3000);
  if (KAS_WORDS.test(head)) return 'kas';
  if (CRIMINAL_WORDS.test(head)) return 'criminal';
  return KOAP_WORDS.test(head) ? 'koap' : 'unknown';
}

/** What the stages remember of one document: the index of its needles and the names written in it. */
interface DocumentMemory {
  needles: NeedleIndex;
  names: WrittenNames;
}

/** One document of a batch: what the stages have found so far. */
interface DocumentInAnalysis {
  readonly input: { id: string; text: string };
  readonly memory: DocumentMemory;
  text: string;
  truncated: CappedText['truncated'];
  persons: PersonInText[];
  decision: KyrgyzDecision | null;
  charges: ChargeCitation[];
  decisionDate: string | null;
  appealDeadline: string | null;
  caseNumber: string | undefined;
  outcomes: OutcomeRecord[];
}

function startAnalysis(input: { id: string; text: string }): DocumentInAnalysis {
  return { input, memory: newDocumentMemory(), text: '', truncated: undefined, persons: [], decision: null, charges: [], decisionDate: null, appealDeadline: null, caseNumber: undefined, outcomes: [] };
}

// The stages, each run over the whole batch before the next. Functions of the module, not closures
// made per batch: V8 keeps their optimised code (closures made anew were compiled again and again).
function normalizeStage(doc: DocumentInAnalysis): void {
  const { text, truncated } = capText(doc.input.text, normalizeDocument);
  doc.text = text;
  doc.truncated = truncated;
}
function personsStage(doc: DocumentInAnalysis): void {
  doc.persons = personsFromText(doc.text);
}
function citizenshipStage(doc: DocumentInAnalysis): void {
  doc.decision = decideKyrgyz(doc.text, doc.persons);
}
function chargesStage(doc: DocumentInAnalysis): void {
  doc.charges = extractCharges(doc.text);
}
function datesStage(doc: DocumentInAnalysis): void {
  doc.decisionDate = firstDate(doc.text);
  doc.appealDeadline = appealDeadline(doc.decisionDate, caseTypeOf(doc.charges, doc.text), doc.text);
  doc.caseNumber = caseNumberIn(doc.text);
}
const nameInText = (person: PersonInText) => person.mention.name;
function outcomesStage(doc: DocumentInAnalysis): void {
  doc.outcomes = outcomesFor(doc.text, doc.persons, nameInText);
}
const STAGES = [normalizeStage, personsStage, citizenshipStage, chargesStage, datesStage, outcomesStage];

function finishedAnalysis(doc: DocumentInAnalysis): CaseAnalysis {
  const decision = doc.decision!;
  const analysis: CaseAnalysis = {
    id: doc.input.id,
    kyrgyz: decision.verdict,
    persons: textPersonsOut(doc.persons, decision),
    charges: doc.charges,
    outcomes: doc.outcomes,
  };
  // Optional keys set one by one (in this order, which is the order of the JSON answer): spreading
  // `cond ? {key} : {}` cost a small object and a generic copy each.
  if (doc.caseNumber) analysis.caseNumber = doc.caseNumber;
  if (doc.decisionDate) analysis.decisionDate = doc.decisionDate;
  if (doc.appealDeadline) analysis.appealDeadline = doc.appealDeadline;
  if (doc.truncated) analysis.truncated = doc.truncated;
  analysis.text = doc.text;
  return analysis;
}

/**
 * Documents analysed stage by stage: every document normalized, then every document's persons
 * read, and so on. Each stage's code and patterns then stay in the processor's caches for the whole
 * batch; run document by document, the pipeline's code is larger than the instruction cache, and
 * each document loaded it again (callgrind's cache model: 8,400 instruction-cache misses per act,
 * against 390 for the baseline). The answers are the same as analyzeDocument's, one per input, in
 * order; each document has its own memory (`enterDocument`), as it would alone.
 */
export function analyzeDocuments(inputs: readonly { id: string; text: string }[]): CaseAnalysis[] {
  const docs = inputs.map(startAnalysis);
  for (const stage of STAGES) {
    for (const doc of docs) {
      enterDocument(doc.memory);
      stage(doc);
    }
  }
  return docs.map(finishedAnalysis);
}

function newDocumentMemory(): DocumentMemory {
  return { needles: newNeedleIndex(), names: new Map() };
}

function enterDocument(memory: DocumentMemory): void {
  useNeedleIndex(memory.needles);
  useWrittenNames(memory.names);
}

/** One document: a batch of one (see analyzeDocuments). */
export function analyzeDocument(input: { id: string; text: string }): CaseAnalysis {
  return analyzeDocuments([input])[0]!;
}

/** The person in the act that a card party is: same name key, or the only person charged. */
function linkCardPerson(card: PersonMention, cardAccusedCount: number, textPersons: PersonInText[], used: Set<PersonInText>): PersonInText | null {
  if (!card.depersonalized) {
    const key = nameKey(card.name);
    const same = textPersons.find((p) => !used.has(p) && p.key === key);
    if (same) return same;
  }
  if (!isAccused(card) || cardAccusedCount !== 1) return null;
  const accused = textPersons.filter((p) => !used.has(p) && !p.organisation && isAccused(p.mention));
  return accused.length === 1 ? accused[0]! : null;
}

const CODE_BY_CASE_TYPE: Partial<Record<CaseCard['caseType'], ChargeCitation['code']>> = { koap: 'КоАП', koap_appeal: 'КоАП', criminal: 'УК', kas: 'КАС' };

const CARD_RESULTS: [RegExp, OutcomeRecord['kind']][] = [
  [/возвращ/iu, 'returned'],
  [/подведомственност|подсудност|направлен/iu, 'forwarded'],
  [/прекращ|отмен/iu, 'cancelled'],
];

/** «КоАП: ст. 18.8 ч.1.1» (card header) → «ст. 18.8 ч.1.1 КоАП». */
function headerArticles(articles: string | null): string {
  if (!articles) return '';
  return articles.replace(/(КоАП|УК|КАС)\s*(?:РФ)?\s*:\s*([^;]+)/gu, (_m, code: string, list: string) => `${list.trim()} ${code}`);
}

/**
 * A case card: parties (names, roles, articles) are authoritative; the act text gives the
 * citizenship evidence. Evidence offsets refer to the normalized act text returned in `text`.
 */
export function analyzeCaseCard(id: string, card: CaseCard): CaseAnalysis {
  enterDocument(newDocumentMemory());
  const { text, truncated } = capText(card.actText ?? '', normalizeDocument);
  const textPersons = personsFromText(text);
  const decision = decideKyrgyz(text, textPersons);
  const cardPersons = personsFromCard(card.parties);
  const accusedCount = cardPersons.filter(isAccused).length;
  const used = new Set<PersonInText>();
  const cardNameOf = new Map<PersonInText, string>();
  const linked = cardPersons.map((person) => {
    const match = linkCardPerson(person, accusedCount, textPersons, used);
    if (match) {
      used.add(match);
      cardNameOf.set(match, person.name);
    }
    const fromText = match ? decision.byPerson.get(match) : undefined;
    const better = match && !match.mention.depersonalized && nameCompleteness(match.mention.name) > nameCompleteness(person.name) && nameKey(match.mention.name) === nameKey(person.name);
    const merged: PersonMention = {
      ...person,
      normalized: better ? match.mention.normalized : person.normalized,
      gender: person.gender ?? match?.mention.gender ?? null,
      birthDate: match?.mention.birthDate ?? null,
      birthPlace: match?.mention.birthPlace ?? null,
    };
    // The only accused party, not found by name in the act: the act's own verdict is about them.
    const citizenship = fromText ?? (isAccused(person) && accusedCount === 1 ? verdictAsPerson(decision.verdict) : undefined);
    return { person: withCitizenship(merged, citizenship), decision: citizenship };
  });
  const persons = linked.map((l) => l.person);
  const kyrgyz = cardPersons.length === 0 ? decision.verdict : verdictOverAccused(linked.filter((l) => isAccused(l.person)).map((l) => l.decision));
  const cardCharges = extractCharges(card.parties.map((party) => party.articles ?? '').join('; '));
  const charges = cardCharges.length > 0 ? cardCharges : extractCharges(headerArticles(card.articles));
  // Articles read from the act must fit the case type: a КАС act about a prisoner cites the УК.
  const fitting = CODE_BY_CASE_TYPE[card.caseType];
  const fromText = fitting ? extractCharges(text).filter((c) => c.code === fitting) : [];
  const outcomes = outcomesFor(text, textPersons, (p) => cardNameOf.get(p) ?? null);
  const fromResult = CARD_RESULTS.find(([pattern]) => pattern.test(card.result ?? ''));
  const decisionDate = card.decisionDate ?? firstDate(text);
  const deadline = appealDeadline(decisionDate, card.caseType, text);
  return {
    id,
    kyrgyz,
    persons,
    charges: charges.length > 0 ? charges : fromText,
    outcomes: outcomes.length > 0 || !fromResult ? outcomes : [{ kind: fromResult[1] }],
    ...(card.caseNumber ? { caseNumber: card.caseNumber } : {}),
    ...(card.courtName ? { court: card.courtName } : {}),
    ...(decisionDate ? { decisionDate } : {}),
    ...(deadline ? { appealDeadline: deadline } : {}),
    ...(truncated ? { truncated } : {}),
    text,
  };
}

function verdictAsPerson(verdict: KyrgyzVerdict): PersonCitizenship {
  return { country: verdict.flag === 'yes' ? 'KG' : null, kyrgyz: verdict.flag, confidence: verdict.confidence, evidence: verdict.evidence.map((e) => ({ ...e, cue: e.cue as 'citizenship' })) };
}

function verdictOverAccused(decisions: (PersonCitizenship | undefined)[]): KyrgyzVerdict {
  const known = decisions.filter((d): d is PersonCitizenship => d !== undefined);
  const yes = known.filter((d) => d.kyrgyz === 'yes');
  if (yes.length > 0) return { flag: 'yes', confidence: Math.max(...yes.map((d) => d.confidence)), evidence: yes.flatMap((d) => d.evidence).sort((a, b) => a.start - b.start) };
  const possible = known.filter((d) => d.kyrgyz === 'possible');
  if (possible.length > 0) return { flag: 'possible', confidence: Math.max(...possible.map((d) => d.confidence)), evidence: possible.flatMap((d) => d.evidence) };
  return { flag: 'no', confidence: known.some((d) => d.country !== null) ? 0.95 : 0.7, evidence: [] };
}
