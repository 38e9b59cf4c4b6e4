// From attributed cues to a decision per person and for the case. A case is 'yes' when a person
// charged (defendant / person_charged) is Kyrgyz by a strong cue, 'possible' when a person charged
// has only weak Kyrgyz cues and no other stated citizenship, else 'no'. Every decision carries
// the spans that made it, and a confidence that says how the statement was tied to the person.
import { attribute, findCitizenshipStatements, findKyrgyzWeakCues, nameParticleCue, type AttributionKind, type CitizenshipEvidence, type CitizenshipStatement } from './citizenship.ts';
import type { PersonInText } from './persons.ts';
import type { FlagValue, KyrgyzVerdict } from './types.ts';

export interface PersonCitizenship {
  /** ISO alpha-2 of the stated citizenship, 'redacted', 'stateless', or null when unstated. */
  country: string | null;
  kyrgyz: FlagValue;
  confidence: number;
  evidence: CitizenshipEvidence[];
}

const CONFIDENCE_BY_ATTRIBUTION: Record<AttributionKind, number> = {
  named_after: 0.97,
  preceding_name: 0.95,
  sole_accused: 0.9,
  unattributed: 0.85,
  someone_else: 0,
};

const MASCULINE_CITIZEN = /^граждан(?:ин|ина|ину|ином)(?!\p{L})/u;

/** «гражданка …» cannot be about a man, «гражданина …» not about a woman (a spouse, a witness). */
function genderConflict(statement: string, holder: PersonInText): boolean {
  const gender = holder.mention.gender;
  if (!gender || !statement.startsWith('граждан')) return false;
  const female = statement.startsWith('гражданк');
  const male = MASCULINE_CITIZEN.test(statement);
  return (female && gender === 'm') || (male && gender === 'f');
}

/** «ранее являлся гражданином …», «бывший гражданин …»: a citizenship the person no longer has. */
const FORMER = /(?:являлс[яь]|являлась|был[аи]?|состоял[аи]?\s+в\s+гражданстве|бывш\p{L}*|прежн\p{L}*)\s+$/u;

function isFormer(text: string, at: number): boolean {
  return FORMER.test(text.slice(Math.max(0, at - 40), at));
}

const isAccused = (p: PersonInText) => !p.organisation && (p.mention.role === 'defendant' || p.mention.role === 'person_charged');
const isStated = (country: string) => country !== 'redacted' && country !== 'stateless';

interface Attributed<T> {
  cue: T;
  kind: AttributionKind;
}

function decidePerson(statements: Attributed<CitizenshipStatement>[], weak: CitizenshipEvidence[]): PersonCitizenship {
  const kyrgyz = statements.filter((s) => s.cue.country === 'KG');
  const other = statements.filter((s) => s.cue.country !== 'KG');
  const stated = other.find((s) => isStated(s.cue.country));
  if (kyrgyz.length > 0) {
    const best = Math.max(...kyrgyz.map((s) => CONFIDENCE_BY_ATTRIBUTION[s.kind]));
    // Another stated citizenship for the same person: the text may mix two people up.
    const confidence = stated ? 0.7 : Math.min(0.99, best + 0.01 * (kyrgyz.length - 1) + 0.01 * Math.min(weak.length, 1));
    // Pushed one by one, not spread: array spreads of arrays of different kinds (empty, filled by
    // map) made V8 throw away and recompile this function's optimized code several times.
    const evidence: CitizenshipEvidence[] = [];
    for (const s of kyrgyz) evidence.push({ ...s.cue, cue: 'citizenship' });
    for (const w of weak) evidence.push(w);
    return { country: 'KG', kyrgyz: 'yes', confidence, evidence };
  }
  const country = stated?.cue.country ?? other[0]?.cue.country ?? null;
  if (stated) return { country, kyrgyz: 'no', confidence: 0.95, evidence: [] };
  if (weak.length > 0) {
    const kinds = new Set(weak.map((w) => w.cue)).size;
    return { country, kyrgyz: 'possible', confidence: kinds > 1 ? 0.6 : 0.4, evidence: weak };
  }
  return { country, kyrgyz: 'no', confidence: country === 'redacted' ? 0.5 : 0.7, evidence: [] };
}

const NO_STATEMENTS: Attributed<CitizenshipStatement>[] = [];
const NO_EVIDENCE: CitizenshipEvidence[] = [];

function push<T>(map: Map<PersonInText | null, T[]>, key: PersonInText | null, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface KyrgyzDecision {
  verdict: KyrgyzVerdict;
  byPerson: Map<PersonInText, PersonCitizenship>;
}

/**
 * Decides citizenship for every person found in the text. When no person charged was found
 * (a fragment, an unusual act), cues that belong to nobody else stand for an unnamed accused.
 */
export function decideKyrgyz(text: string, persons: PersonInText[]): KyrgyzDecision {
  const statements = new Map<PersonInText | null, Attributed<CitizenshipStatement>[]>();
  const weak = new Map<PersonInText | null, CitizenshipEvidence[]>();
  for (const statement of findCitizenshipStatements(text)) {
    const { holder, kind } = attribute(text, statement.start, statement.end, persons);
    if (kind === 'someone_else' || (holder && genderConflict(statement.text, holder)) || isFormer(text, statement.start)) continue;
    push(statements, holder, { cue: statement, kind });
  }
  for (const cue of findKyrgyzWeakCues(text)) {
    const { holder, kind } = attribute(text, cue.start, cue.end, persons, false);
    if (kind !== 'someone_else') push(weak, holder, cue);
  }
  const byPerson = new Map<PersonInText, PersonCitizenship>();
  for (const person of persons) {
    if (person.organisation) continue;
    const particle = nameParticleCue(text, person);
    const personWeak: CitizenshipEvidence[] = [];
    for (const cue of weak.get(person) ?? NO_EVIDENCE) personWeak.push(cue);
    if (particle) personWeak.push(particle);
    byPerson.set(person, decidePerson(statements.get(person) ?? NO_STATEMENTS, personWeak));
  }
  const accused = persons.filter(isAccused);
  // Filled by push only (not map, then push): one array kind, so V8 keeps its compiled code.
  const decisions: PersonCitizenship[] = [];
  for (const person of accused) decisions.push(byPerson.get(person)!);
  if (accused.length === 0) decisions.push(decidePerson(statements.get(null) ?? NO_STATEMENTS, weak.get(null) ?? NO_EVIDENCE));
  return { verdict: caseVerdict(decisions, accused.length > 0 || persons.length === 0), byPerson };
}

function caseVerdict(decisions: PersonCitizenship[], trustworthy: boolean): KyrgyzVerdict {
  const yes = decisions.filter((d) => d.kyrgyz === 'yes');
  if (yes.length > 0) {
    // Pushed, not flatMap: flatMap cost more than the handful of spans it gathers.
    const evidence: CitizenshipEvidence[] = [];
    for (const d of yes) for (const span of d.evidence) evidence.push(span);
    evidence.sort((a, b) => a.start - b.start);
    return { flag: 'yes', confidence: Math.max(...yes.map((d) => d.confidence)) * (trustworthy ? 1 : 0.9), evidence };
  }
  const possible = decisions.filter((d) => d.kyrgyz === 'possible');
  if (possible.length > 0) {
    return { flag: 'possible', confidence: Math.max(...possible.map((d) => d.confidence)), evidence: possible.flatMap((d) => d.evidence) };
  }
  const anyStated = decisions.some((d) => d.country !== null && isStated(d.country));
  return { flag: 'no', confidence: anyStated ? 0.95 : 0.7, evidence: [] };
}
