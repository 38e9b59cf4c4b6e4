// How well a name seen in a court text fits a known name (consular record, search query).
// The known name's words are aligned with the seen words, full words by similarity and
// initials by first letter; words that contradict each other weigh more than words that
// are merely missing (courts drop patronymics, passports have none).
import { recordGender, type Gender } from './declension.ts';
import { genderOfSurnameForm, looksLikePatronymic, parseName, type NameWord, type ParsedName } from './name-parts.ts';
import { WORD_MATCH_FLOOR, knownWord, wordSimilarity, type KnownWord, type WordAgreement } from './word-similarity.ts';

export interface KnownName {
  parsed: ParsedName;
  gender: Gender;
  words: KnownWord[];
}

export interface NameScore {
  score: number;
  /** Short, name-free explanations: "surname and initials", "declined form", "1 name part(s) contradict". */
  reasons: string[];
}

/** Prepares a known name once; scoring it against many seen names is then cheap. */
export function knownName(written: string): KnownName {
  const parsed = parseName(written);
  const gender = recordGender(parsed.words, parsed.gender);
  const words = parsed.words.filter((word) => !word.isInitial).map((word) => knownWord(word, gender));
  return { parsed, gender, words };
}

const isPatronymic = (word: NameWord) => looksLikePatronymic(word.canonical);

/** Gender of the seen name: its particle or patronymic, else a surname form only one gender takes. */
function seenGender(seen: ParsedName): Gender {
  if (seen.gender) return seen.gender;
  for (const word of seen.words) {
    const gender = word.isInitial ? null : genderOfSurnameForm(word.canonical);
    if (gender) return gender;
  }
  return null;
}

interface Pairing {
  total: number;
  pairs: { known: number; seen: number; score: number; agreement: WordAgreement }[];
}

/** Best one-to-one pairing of known and seen full words (names have at most ~4 words: brute force). */
function bestPairing(known: KnownWord[], seen: NameWord[]): Pairing {
  const table = seen.map((word) => known.map((k) => wordSimilarity(k, word.canonical)));
  let best: Pairing = { total: -1, pairs: [] };
  const walk = (index: number, used: Set<number>, current: Pairing) => {
    if (index === seen.length) {
      if (current.total > best.total) best = { total: current.total, pairs: [...current.pairs] };
      return;
    }
    walk(index + 1, used, current); // this seen word pairs with nothing
    for (let k = 0; k < known.length; k += 1) {
      const similarity = table[index]![k]!;
      if (used.has(k) || similarity.score < WORD_MATCH_FLOOR) continue;
      used.add(k);
      current.pairs.push({ known: k, seen: index, ...similarity });
      current.total += similarity.score;
      walk(index + 1, used, current);
      current.total -= similarity.score;
      current.pairs.pop();
      used.delete(k);
    }
  };
  walk(0, new Set(), { total: 0, pairs: [] });
  return best;
}

export function scoreName(known: KnownName, seenWritten: string | ParsedName): NameScore {
  const seen = typeof seenWritten === 'string' ? parseName(seenWritten) : seenWritten;
  const seenFull = seen.words.filter((word) => !word.isInitial);
  const seenInitials = seen.words.filter((word) => word.isInitial);
  if (known.words.length === 0 || seenFull.length === 0) return { score: 0, reasons: ['no comparable name'] };

  const pairing = bestPairing(known.words, seenFull);
  if (pairing.pairs.length === 0) return { score: 0, reasons: ['no name word in common'] };
  const reasons = new Set<string>();
  for (const pair of pairing.pairs) if (pair.agreement !== 'same') reasons.add(`${pair.agreement} form`);

  // A seen word is only a contradiction when a known word was left for it and did not fit
  // (Айгерим where the record says Айгуль); a word the record lacks is missing information.
  const pairedSeen = new Set(pairing.pairs.map((pair) => pair.seen));
  const pairedKnown = new Set(pairing.pairs.map((pair) => pair.known));
  const recordHasPatronymic = known.words.some((k) => isPatronymic(k.word));
  const unpairedSeen = seenFull.filter((word, index) => !pairedSeen.has(index) && (recordHasPatronymic || !isPatronymic(word)));
  const unpairedKnown = known.words.filter((_, index) => !pairedKnown.has(index));
  let contradictions = Math.min(unpairedSeen.length, unpairedKnown.length);

  // Initials go, in order, to the known words not yet paired.
  const unpaired = [...unpairedKnown];
  let initialsAgreeing = 0;
  for (const initial of seenInitials) {
    const at = unpaired.findIndex((k) => k.word.canonical.startsWith(initial.canonical));
    if (at >= 0) {
      initialsAgreeing += 1;
      unpaired.splice(at, 1);
    } else if (unpaired.length > 0) {
      contradictions += 1;
    }
  }

  const matched = pairing.pairs.length;
  const mean = pairing.total / matched;
  let score: number;
  if (matched >= 2) {
    score = mean;
    reasons.add(initialsAgreeing > 0 ? 'full name and initials' : 'full name');
  } else if (initialsAgreeing > 0) {
    score = mean * 0.92;
    reasons.add('surname and initials');
  } else {
    score = mean * 0.6;
    reasons.add('one name word only');
  }
  if (contradictions > 0) {
    score *= 0.5 ** contradictions;
    reasons.add(`${contradictions} name part(s) contradict`);
  }
  const gender = seenGender(seen);
  if (known.gender && gender && known.gender !== gender) {
    score *= 0.3;
    reasons.add('gender differs');
  }
  return { score, reasons: [...reasons] };
}

/** The best score over the spellings a record has (Latin and Cyrillic). */
export function scoreNames(known: KnownName[], seenWritten: string[]): NameScore {
  let best: NameScore = { score: 0, reasons: ['no comparable name'] };
  // The name as written and its normalized form often say the same thing: score it once.
  const parsed = [...new Map(seenWritten.map(parseName).map((name) => [JSON.stringify(name.words), name])).values()];
  for (const name of known) {
    for (const seen of parsed) {
      const result = scoreName(name, seen);
      if (result.score > best.score) best = result;
    }
  }
  return best;
}
