// Whether a person in a court case may be a known detained citizen: the name first, then
// birth date, gender, court region against the place of detention, and dates. The result is
// a candidate for a consular officer to confirm or reject, never a fact.
import type { Gender } from './declension.ts';
import { knownName, scoreNames, type KnownName } from './score-name.ts';
import { canonicalWord } from './transliterate.ts';

/** Scores at or above this are stored as candidates (chosen on the tuning half of the evaluation set). */
export const CANDIDATE_THRESHOLD = 0.75;

export interface KnownRecord {
  /** Every spelling the record has: Latin, Cyrillic. */
  names: string[];
  birthDate: string | null; // YYYY-MM-DD
  detainedOn?: string | null;
  /** Free text: city, region, centre («ЦВСИГ ГУ МВД по Свердловской области»). */
  places?: (string | null)[];
}

export interface CourtMention {
  /** The name as written and, when the pipeline gave one, its normalized form. */
  names: string[];
  birthDate: string | null;
  gender: Gender;
  /** Court name and region, for comparison with the place of detention. */
  courtPlaces?: (string | null)[];
  /** Dates of the case (received, decided), YYYY-MM-DD. */
  caseDates?: (string | null)[];
}

export interface PreparedRecord {
  record: KnownRecord;
  names: KnownName[];
  placeStems: Set<string>;
}

export interface CandidateScore {
  score: number;
  reasons: string[];
}

export function prepareRecord(record: KnownRecord): PreparedRecord {
  const names = record.names.filter((name) => name.trim().length > 0).map(knownName);
  return { record, names, placeStems: placeStems(record.places ?? []) };
}

export function scoreCandidate(prepared: PreparedRecord, mention: CourtMention): CandidateScore {
  const name = scoreNames(prepared.names, mention.names);
  if (name.score === 0) return name;
  let score = name.score;
  const reasons = [...name.reasons];

  const birth = compareBirthDates(prepared.record.birthDate, mention.birthDate);
  if (birth === 'equal') {
    score = 1 - (1 - score) * 0.4;
    reasons.push('birth date equal');
  } else if (birth === 'close') {
    score *= 0.85;
    reasons.push('birth date differs by one digit or day/month swapped');
  } else if (birth === 'different') {
    score *= 0.4;
    reasons.push('birth date differs');
  }

  const recordGender = prepared.names.find((known) => known.gender)?.gender ?? null;
  if (recordGender && mention.gender && recordGender !== mention.gender && !reasons.includes('gender differs')) {
    score *= 0.3;
    reasons.push('gender differs');
  }

  const courtStems = placeStems(mention.courtPlaces ?? []);
  if ([...courtStems].some((stem) => prepared.placeStems.has(stem))) {
    score = Math.min(1, score + 0.03);
    reasons.push('court region matches place of detention');
  }

  const detainedOn = prepared.record.detainedOn;
  if (detainedOn && (mention.caseDates ?? []).some((date) => date && Math.abs(daysBetween(date, detainedOn)) <= 90)) {
    score = Math.min(1, score + 0.02);
    reasons.push('case within 90 days of detention');
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

type BirthComparison = 'equal' | 'close' | 'different' | 'unknown';

export function compareBirthDates(a: string | null | undefined, b: string | null | undefined): BirthComparison {
  if (!a || !b) return 'unknown';
  if (a === b) return 'equal';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  // A slip in the day or month, or the two swapped, happens; another year is another person.
  if (ya !== yb) return 'different';
  if (ma === db && da === mb) return 'close';
  const differing = [...a].filter((char, index) => char !== b[index]).length;
  return differing === 1 ? 'close' : 'different';
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Words that say nothing about where: «районный суд», «область», «ЦВСИГ», «МВД». */
const PLACE_WORDS_WITHOUT_PLACE = [
  'районный', 'городской', 'областной', 'краевой', 'область', 'центр', 'временного', 'содержания',
  'иностранных', 'граждан', 'российской', 'федерации', 'главное', 'управление', 'республики',
  'специальное', 'учреждение', 'отдела', 'полиции', 'межрайонный', 'гарнизонный',
];
const stemOf = (word: string) => canonicalWord(word).slice(0, 5);
const STOP_STEMS = new Set(PLACE_WORDS_WITHOUT_PLACE.map(stemOf));

/** First five canonical letters of each longer word: «Свердловской»/«Свердловская» → "sverd". */
function placeStems(places: (string | null)[]): Set<string> {
  const stems = new Set<string>();
  for (const place of places) {
    for (const word of (place ?? '').split(/[^\p{L}]+/u)) {
      if (word.length < 5) continue;
      const stem = stemOf(word);
      if (stem.length === 5 && !STOP_STEMS.has(stem)) stems.add(stem);
    }
  }
  return stems;
}
