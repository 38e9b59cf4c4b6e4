// Writes the matching evaluation set, pairs.json: a consular record and a name as a court
// wrote it, labelled same person or not. Deterministic (seeded): `npx tsx
// test/corpus/matching/generate-pairs.ts` rewrites the same file. Tuning pairs and holdout
// pairs are built from disjoint name lists (name-pools.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOOK_ALIKE_SURNAMES, OTHER_GIVEN, pools, type NamePools } from './name-pools.ts';
import { decline, russianSpelling, toLatin, typo, type Grammatical, type LatinScheme } from './spell.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

export interface MatchingPair {
  id: string;
  split: 'tune' | 'holdout';
  kind: string;
  sameperson: boolean;
  record: { latinName: string | null; cyrillicName: string | null; birthDate: string | null };
  court: { name: string; birthDate: string | null; gender: 'm' | 'f' | null };
}

interface Person {
  gender: 'm' | 'f';
  surname: string; // '' for «уулу» names
  given: string;
  patronymic: string; // '' when none
  father: string;
  uulu: boolean;
  birthDate: string;
}


function surnameOf(root: string, gender: 'm' | 'f'): string {
  let male: string;
  if (/ай$|ей$/.test(root)) male = root.slice(0, -1) + 'ев';
  else if (/[ыи]$/.test(root)) male = root.slice(0, -1) + 'иев';
  else if (/[ае]$/.test(root)) male = root + 'ев';
  else if (/[жшч]$/.test(root)) male = root + 'ев';
  else male = root + 'ов';
  return gender === 'm' ? male : male + 'а';
}

/** Mostly Russian-style (-ов/-ев), sometimes a Kyrgyz surname kept as it is (Жумабек, Эсенбай). */
function familyName(root: string, gender: 'm' | 'f', chance: Chance): string {
  return /(бек|бай)$/.test(root) && chance(0.35) ? root : surnameOf(root, gender);
}

function patronymicOf(father: string, gender: 'm' | 'f'): string {
  const base = /[жшчй]$/.test(father) ? (father.endsWith('й') ? father.slice(0, -1) + 'ев' : father + 'ев') : father + 'ов';
  return base + (gender === 'm' ? 'ич' : 'на');
}

const CASES: Grammatical[] = ['nom', 'gen', 'dat', 'ins', 'pre'];

export function generatePairs(): MatchingPair[] {
  const pairs: MatchingPair[] = [];
  for (const split of ['tune', 'holdout'] as const) {
    const random = seededRandom(split === 'tune' ? 20261101 : 77001234);
    const names = pools(split);
    const count = split === 'tune' ? 420 : 180;
    for (let index = 0; index < count; index += 1) {
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const chance = (p: number) => random() < p;
      const person = makePerson(names, pick, chance);
      const record = recordOf(person, pick, chance);
      const positive = chance(0.55);
      const id = `${split}-${String(index).padStart(4, '0')}`;
      const made = positive ? positiveMention(person, random, pick, chance) : negativeMention(person, names, pick, chance);
      // Namesakes can only be told apart by birth date: the record has one then.
      if (made.kind === 'neg-namesake-other-birth') record.birthDate = person.birthDate;
      pairs.push({ id, split, kind: made.kind, sameperson: positive, record, court: made.court });
    }
  }
  return pairs;
}

type Pick = <T>(items: readonly T[]) => T;
type Chance = (p: number) => boolean;

function makePerson(names: NamePools, pick: Pick, chance: Chance): Person {
  const gender = chance(0.65) ? 'm' : 'f';
  const father = pick(names.fathers);
  const uulu = chance(0.3);
  const year = 1965 + pick([...Array(40).keys()]);
  const birthDate = `${year}-${String(1 + pick([...Array(12).keys()])).padStart(2, '0')}-${String(1 + pick([...Array(28).keys()])).padStart(2, '0')}`;
  return {
    gender,
    surname: uulu ? '' : familyName(pick(names.surnameRoots), gender, chance),
    given: pick(gender === 'm' ? names.maleGiven : names.femaleGiven),
    patronymic: uulu ? '' : patronymicOf(father, gender),
    father,
    uulu,
    birthDate,
  };
}

const particle = (person: Person) => (person.gender === 'm' ? 'уулу' : 'кызы');

function cyrillicFull(person: Person): string {
  if (person.uulu) return `${person.father} ${particle(person)} ${person.given}`;
  return `${person.surname} ${person.given} ${person.patronymic}`;
}

function recordOf(person: Person, pick: Pick, chance: Chance): MatchingPair['record'] {
  const scheme: LatinScheme = {
    zh: pick(['ZH', 'ZH', 'J', 'DZH']), y: pick(['Y', 'Y', 'I']), kh: pick(['KH', 'H']), yu: pick(['IU', 'YU', 'U']),
    ya: pick(['IA', 'YA']), ye: pick(['E', 'YE']), ng: pick(['N', 'NG']), ue: pick(['U', 'U', 'UE']), oe: pick(['O', 'O', 'OE']),
  };
  const family = person.uulu ? `${person.father} ${particle(person)}` : person.surname;
  const latinWords = chance(0.5) ? [family, person.given] : [person.given, family];
  if (!person.uulu && chance(0.2)) latinWords.push(person.patronymic);
  const which = pick(['both', 'both', 'latin', 'latin', 'cyrillic']);
  return {
    latinName: which === 'cyrillic' ? null : toLatin(latinWords.join(' '), scheme),
    cyrillicName: which === 'latin' ? null : cyrillicFull(person),
    birthDate: chance(0.8) ? person.birthDate : null,
  };
}

/** How a court writes this person: declined, upper-case with initials, particle variants, typos. */
function writtenByCourt(person: Person, random: () => number, pick: Pick, chance: Chance, fullNameOnly = false): { name: string; kind: string } {
  const dropYo = chance(0.7);
  const spell = (word: string) => russianSpelling(word, dropYo);
  const grammaticalCase = pick(CASES);
  const given = decline(spell(person.given).replace(/гул$/, chance(0.5) ? 'гуль' : 'гул'), 'given', person.gender, grammaticalCase);
  const initials = (words: string[]) => words.filter(Boolean).map((word) => `${spell(word)[0]}.`).join('');
  let name: string;
  let kind: string;
  if (person.uulu) {
    const particleWord = particle(person);
    const father = spell(person.father);
    const style = fullNameOnly ? 'apart' : pick(['apart', 'hyphen', 'joined', 'given-first', 'initial', 'russified']);
    kind = `uulu-${style}`;
    if (style === 'apart') name = `${father} ${particleWord} ${given}`;
    else if (style === 'hyphen') name = `${father}-${particleWord} ${given}`;
    else if (style === 'joined') name = `${father}${particleWord} ${given}`;
    else if (style === 'given-first') name = `${given} ${father} ${particleWord}`;
    else if (style === 'initial') name = `${father} ${particleWord} ${spell(person.given)[0]}.`.toUpperCase();
    else name = `${decline(surnameOf(father, person.gender), 'surname', person.gender, grammaticalCase)} ${given}`;
  } else {
    const surname = decline(spell(person.surname), 'surname', person.gender, grammaticalCase);
    const patronymic = decline(spell(person.patronymic), 'patronymic', person.gender, grammaticalCase);
    const style = fullNameOnly ? 'full' : pick(['full', 'full', 'listing', 'initials', 'initials-first', 'no-patronymic']);
    kind = `${style}-${grammaticalCase}`;
    if (style === 'full') name = `${surname} ${given} ${patronymic}`;
    else if (style === 'listing') name = `${spell(person.surname).toUpperCase()} ${initials([person.given, person.patronymic])}`;
    else if (style === 'initials') name = `${surname} ${initials([person.given, person.patronymic])}`;
    else if (style === 'initials-first') name = `${initials([person.given, person.patronymic])} ${spell(person.surname)}`;
    else name = chance(0.5) ? `${surname} ${given}` : `${given} ${surname}`;
  }
  if (chance(0.15)) {
    const words = name.split(' ');
    const longest = words.reduce((best, word, at) => (word.length > words[best]!.length ? at : best), 0);
    words[longest] = typo(words[longest]!, random);
    name = words.join(' ');
    kind += '-typo';
  }
  return { name, kind };
}

function positiveMention(person: Person, random: () => number, pick: Pick, chance: Chance) {
  const written = writtenByCourt(person, random, pick, chance);
  return {
    kind: written.kind,
    court: { name: written.name, birthDate: chance(0.3) ? person.birthDate : null, gender: chance(0.6) ? person.gender : null },
  };
}

function negativeMention(person: Person, names: NamePools, pick: Pick, chance: Chance) {
  const other: Person = { ...person, birthDate: person.birthDate.replace(/^\d{4}/, (year) => String(Number(year) + 3)) };
  const givenPool = person.gender === 'm' ? names.maleGiven : names.femaleGiven;
  const differentGiven = (sameInitial: boolean) =>
    pick(givenPool.filter((given) => given !== person.given && (given[0] === person.given[0]) === sameInitial).concat(sameInitial ? [] : ['Эрмек']));
  const kind = pick(['surname-other-initials', 'surname-other-initials', 'surname-same-initial', 'look-alike', 'look-alike', 'sibling', 'namesake-other-birth']);
  if (kind === 'surname-other-initials') {
    other.given = differentGiven(false);
    if (!other.uulu && chance(0.5)) other.patronymic = patronymicOf(pick(names.fathers.filter((f) => f[0] !== person.father[0])), person.gender);
  } else if (kind === 'surname-same-initial') {
    const candidates = givenPool.filter((given) => given !== person.given && given[0] === person.given[0]);
    other.given = candidates.length > 0 ? pick(candidates) : differentGiven(false);
  } else if (kind === 'look-alike') {
    const male = person.uulu ? surnameOf(person.father, 'm') : person.surname.replace(/а$/, '');
    const alike = LOOK_ALIKE_SURNAMES[male] ?? ['Нурланов', 'Серикбаев', 'Каримов', 'Юсупов', 'Рахимов'];
    other.uulu = false;
    other.surname = pick(alike) + (person.gender === 'f' ? 'а' : '');
    other.patronymic = person.patronymic || patronymicOf(person.father, person.gender);
    if (chance(0.4)) other.given = pick(OTHER_GIVEN[person.gender]);
  } else if (kind === 'sibling') {
    other.gender = person.gender === 'm' ? 'f' : 'm';
    other.given = pick(other.gender === 'm' ? names.maleGiven : names.femaleGiven);
    if (!person.uulu) other.surname = surnameOf(person.surname.replace(/а$/, '').replace(/(ов|ев|иев)$/, ''), other.gender);
    if (!person.uulu) other.patronymic = patronymicOf(person.father, other.gender);
  }
  // Same surname and same first initial is only a different person when the court wrote the given name out.
  const written = writtenByCourt(other, () => 0.5, pick, () => false, kind === 'surname-same-initial');
  const bothDates = kind === 'namesake-other-birth' || chance(0.2);
  return { kind: `neg-${kind}`, court: { name: written.name, birthDate: bothDates ? other.birthDate : null, gender: chance(0.6) ? other.gender : null } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pairs = generatePairs();
  const file = fileURLToPath(new URL('./pairs.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify(pairs, null, 1)}\n`);
  const positives = pairs.filter((pair) => pair.sameperson).length;
  process.stderr.write(`wrote ${pairs.length} pairs (${positives} same person) to ${file}\n`);
}
