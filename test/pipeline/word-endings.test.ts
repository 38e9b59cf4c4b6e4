// The endings of a name's words are told by code (pipeline/word-endings.ts), not by `$`-anchored
// patterns: on random words built from the letters of those endings, each must say what its
// pattern says.
import { describe, expect, it } from 'vitest';
import { endsAfter, endsAfterAdjectiveSuffix, endsAfterSurnameSuffix, letterSet, withoutCaseEnding } from '../../pipeline/word-endings.ts';

/** Words of one to seven characters from letters that make up the endings, and some that do not. */
function randomWords(count: number): string[] {
  const letters = ['а', 'е', 'и', 'о', 'у', 'ы', 'ю', 'я', 'в', 'н', 'к', 'с', 'ц', 'м', 'й', 'г', 'ч', 'ш', 'б', 'р', 'т', 'ь', 'ё', 'А', 'О', 'Я', 'a', '-', ' '];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % letters.length;
  return Array.from({ length: count }, (_, i) => Array.from({ length: 1 + (i % 7) }, () => letters[next()]).join(''));
}

const WORDS = [...randomWords(20_000), '', 'Асанова', 'Жуковского', 'Жуковским', 'Бековичем', 'Ильиной', 'Троцкую', 'Игоря', 'ого', 'ому', 'ую', 'ая'];

describe('word endings told by code', () => {
  it('endsAfter reads a letter set before an ending as /[set]ending$/ does', () => {
    const consonants = 'бвгджзйклмнпрстфхцчшщ';
    const set = letterSet(consonants);
    for (const ending of ['а', 'у', 'ом', 'ы', 'я', '']) {
      const pattern = new RegExp(`[${consonants}]${ending}$`, 'u');
      expect(WORDS.filter((word) => endsAfter(word, set, ending) !== pattern.test(word)), ending).toEqual([]);
    }
  });

  it('reads the suffixes of Russian and adjectival surnames as their patterns do', () => {
    for (const ending of ['', 'а', 'у', 'ой', 'ым', 'ого', 'ую', 'им']) {
      const surname = new RegExp(`(?:ов|ев|ин|ын)${ending}$`, 'u');
      const adjective = new RegExp(`(?:ск|цк)${ending}$`, 'u');
      expect(WORDS.filter((word) => endsAfterSurnameSuffix(word, ending) !== surname.test(word)), ending).toEqual([]);
      expect(WORDS.filter((word) => endsAfterAdjectiveSuffix(word, ending) !== adjective.test(word)), ending).toEqual([]);
    }
  });

  it('drops a case ending as replacing /(?:ого|ому|ым|ой|ую|ая|ий|ом|ем|а|у|е|ы|ю|я)$/ does', () => {
    const caseEnding = /(?:ого|ому|ым|ой|ую|ая|ий|ом|ем|а|у|е|ы|ю|я)$/u;
    expect(WORDS.filter((word) => withoutCaseEnding(word) !== word.replace(caseEnding, ''))).toEqual([]);
    expect(['мамытова', 'жуковского', 'асанову', 'ильиной', 'сидорук'].map(withoutCaseEnding)).toEqual(['мамытов', 'жуковск', 'асанов', 'ильин', 'сидорук']);
  });

  it('refuses a letter outside а–я in a set', () => {
    expect(() => letterSet('ё')).toThrow(/not a lower-case Cyrillic letter/);
  });
});
