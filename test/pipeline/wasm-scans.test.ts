// The WebAssembly scans (pipeline/wasm): each committed binary is what its source compiles to, and
// each scan finds exactly what the regular expression it replaces finds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWat, watSources } from '../../pipeline/wasm/build.ts';
import { ChangeCandidates } from '../../pipeline/wasm/change-sites.ts';
import { needleOccurrences, scannedSentenceStart } from '../../pipeline/wasm/needle-scan.ts';
import { sentenceStartByCharacters } from '../../pipeline/cyrillic.ts';
import { corpusTexts } from '../../bench/pipeline-paths.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

/** What the change-site scan replaces (plain-text.ts): every offset where this pattern matches. */
const CHANGE_MAY_START = /[\n ]\s|[^\n\x20-\x25\x27-\x3b\x3d-\x7e\u0410-\u044f\u2116]/g;

function byPattern(text: string): number[] {
  const found: number[] = [];
  for (let from = 0; ; ) {
    CHANGE_MAY_START.lastIndex = from;
    const m = CHANGE_MAY_START.exec(text);
    if (!m) return found;
    found.push(m.index);
    from = m.index + 1;
  }
}

function byModule(text: string): number[] {
  const candidates = new ChangeCandidates(text);
  const found: number[] = [];
  for (let at = candidates.at(0); at >= 0; at = candidates.at(at + 1)) found.push(at);
  return found;
}

/** A text of `length` characters drawn from `alphabet`, the same for the same seed. */
function randomText(alphabet: string[], length: number, seed: number): string {
  const random = seededRandom(seed);
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('WebAssembly scans', () => {
  it('ship binaries that are what their .wat sources compile to (npm run build:wasm)', async () => {
    expect(watSources().length).toBeGreaterThan(0);
    for (const name of watSources()) {
      const committed = readFileSync(new URL(`../../pipeline/wasm/${name}.wasm`, import.meta.url));
      expect(Buffer.from(await compileWat(name)).equals(committed), `${name}.wasm is stale: run npm run build:wasm`).toBe(true);
    }
  });

  it('find the change candidates the pattern finds, in every corpus act', () => {
    for (const { id, text } of corpusTexts()) expect(byModule(text), id).toEqual(byPattern(text));
  });

  it('find them in random texts of every awkward character, at every length around a block of eight', () => {
    const alphabet = [...'аяАЯёЁ№azAZ09 \n\t\r\f\v&<>«»—–-.,"!~', '\u007f', '\u0020', '\u8410', '\u8021', '\uffff', '\u00a0', '\u2007', '\u2028', '\u3000', '\ufeff', '\u0000', '\u040f', '\u0450', '\u2115', '\u2117', '\ud83d', '\ude00', '中', 'ү'];
    for (let length = 0; length <= 40; length += 1) {
      for (let seed = 1; seed <= 20; seed += 1) {
        const text = randomText(alphabet, length, seed * 7919 + length);
        expect(byModule(text), JSON.stringify(text)).toEqual(byPattern(text));
      }
    }
    const spacesAndLetters = randomText([' ', ' ', '\n', 'а', 'б', 'Я', '.', '\u00a0'], 5000, 42);
    expect(byModule(spacesAndLetters)).toEqual(byPattern(spacesAndLetters));
  });

  it('read a text with more candidates than one batch (another script) to its end', () => {
    const chinese = '中文'.repeat(25_000) + ' Судья  рассмотрев';
    const found = byModule(chinese);
    expect(found.length).toBe(50_001);
    expect(found).toEqual(byPattern(chinese));
  });

  it('skip forwards from any offset, and a shorter text after a longer one is not read past its end', () => {
    const long = 'а  б'.repeat(1000);
    const candidates = new ChangeCandidates(long);
    expect(candidates.at(0)).toBe(1);
    expect(candidates.at(2)).toBe(5);
    expect(candidates.at(3997)).toBe(3997);
    expect(candidates.at(3998)).toBe(-1);
    expect(byModule('а б')).toEqual([]);
    expect(byModule('а')).toEqual([]);
  });

  describe('needle occurrences', () => {
    const stageNeedles = ['отношении', 'ризнать', 'признать', 'подсудим', 'лица,', 'дминистративн', 'помещении', 'свидетел', 'отерпевш', 'переводчик', 'граждан', 'подданн', 'паспорт', 'лиц', 'уроженц', 'уроженк', 'место', 'родивш', 'ст.', 'стст.', 'стат', 'AN', 'AC', 'ID', 'АН', 'АС', 'размер', 'сумме', 'самостоятельн', 'содержания', 'свобод', 'выдворени', 'без', 'применять', 'принудительн', 'назначать', 'СИГ', 'арест', 'условн'];

    /** Every offset of every needle, by indexOf from one past each. */
    function byIndexOf(needles: readonly string[], text: string): number[][] {
      return needles.map((needle) => {
        const found: number[] = [];
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
        return found;
      });
    }

    function byModule(needles: readonly string[], text: string): number[][] {
      const positions = needles.map((): number[] => []);
      needleOccurrences(needles, text, positions);
      return positions;
    }

    it('finds every occurrence of the stages\' needles in every corpus act, overlapping ones included', () => {
      let found = 0;
      for (const { id, text } of corpusTexts()) {
        const expected = byIndexOf(stageNeedles, text);
        expect(byModule(stageNeedles, text), id).toEqual(expected);
        found += expected.flat().length;
      }
      expect(found).toBeGreaterThan(1000);
    });

    it('finds needles at the very start and end of a text, and none cut off by its end', () => {
      const needles = ['граждан', 'лиц', 'лица,', 'а'];
      for (const text of ['граждан', 'гражда', 'лица,', 'лица', 'xлиц', 'гражданлиц', '', 'а']) {
        expect(byModule(needles, text), text).toEqual(byIndexOf(needles, text));
      }
    });

    it('finds them in random texts, whichever characters share the low byte of a needle\'s', () => {
      // «с» (U+0441) and «A» (U+0041) share their low byte, as do «р» and «@», «Р» and the space.
      const alphabet = [...'сAaNн@ртаРIDд ст.,лицгражданумеАНСИГ', '\u0441\u0443', '\u0000'];
      for (let length = 0; length <= 70; length += 1) {
        for (let seed = 1; seed <= 12; seed += 1) {
          const text = randomText(alphabet, length, seed * 104729 + length);
          expect(byModule(stageNeedles, text), JSON.stringify(text)).toEqual(byIndexOf(stageNeedles, text));
        }
      }
    });

    it('keeps every hit of a text with more than fit in one call, and a set of needles replaced by another', () => {
      const text = 'а'.repeat(40_000);
      const positions = byModule(['а', 'аа'], text);
      expect(positions[0]!.length).toBe(40_000);
      expect(positions[1]!.length).toBe(39_999);
      expect(byModule(['б'], 'абба')).toEqual([[1, 2]]);
    });

    it('puts more than sixteen first letters into sixteen buckets and still finds each needle exactly', () => {
      const needles = [...'абвгдежзийклмнопрстуфхцчшщ'].map((letter) => `${letter}ор`);
      const text = needles.join(' ') + ' ' + randomText([...'абвгдежзийклмнопрстуфхцчшщ о'], 3000, 7);
      expect(byModule(needles, text)).toEqual(byIndexOf(needles, text));
    });

    it('tells apart needles that share their first two characters, and 120 first pairs sharing table slots', () => {
      const sharing = ['ст', 'ст.', 'стст.', 'стат', 'с', 'т', 'стать'];
      const text = 'ст. 18.8, стст. 322, статья 18.10, статей; с т ст' + randomText([...'ст.а '], 2000, 3);
      expect(byModule(sharing, text)).toEqual(byIndexOf(sharing, text));
      // Pairs of letters from two alphabets: more pairs than fit without probing past a full slot.
      const pairs = [...'абвгдежзийкл'].flatMap((a) => [...'мнопрстуфх'].map((b) => `${a}${b}я`));
      expect(pairs.length).toBe(120);
      const mixed = randomText([...'абвгдежзийклмнопрстуфхя '], 6000, 9);
      expect(byModule(pairs, mixed)).toEqual(byIndexOf(pairs, mixed));
      expect(byModule(pairs, mixed).flat().length).toBeGreaterThan(30);
    });

    it('refuses more first pairs than half its table, and a needle with U+0000', () => {
      const pairs = [...'абвгдежзийклмнопрстуфхцчш'].flatMap((a) => [...'абвгдежзийклмнопрстуфхцчш'].map((b) => `${a}${b}`));
      expect(() => byModule(pairs.slice(0, 129), 'текст')).toThrow(/too many needles/);
      expect(() => byModule(['а\0'], 'текст')).toThrow(/U\+0000/);
    });

    it('refuses an empty needle and one longer than its table holds', () => {
      expect(() => byModule([''], 'текст')).toThrow(/1 to 30/);
      expect(() => byModule(['д'.repeat(31)], 'текст')).toThrow(/1 to 30/);
    });
  });

  describe('sentence starts', () => {
    /** The module's sentence start against the one read a character at a time, at every offset and several look-backs. */
    function expectSameStarts(text: string, limits: number[], label: string): number {
      needleOccurrences(['граждан'], text, [[]]); // puts the text in the module's memory
      let compared = 0;
      for (let at = 0; at <= text.length; at += 1) {
        for (const limit of limits) {
          const from = Math.max(0, at - limit);
          const scanned = scannedSentenceStart(text, at, from);
          if (scanned !== sentenceStartByCharacters(text, at, from)) expect(scanned, `${label} at ${at} back to ${from}`).toBe(sentenceStartByCharacters(text, at, from));
          compared += 1;
        }
      }
      return compared;
    }

    it('are where the sentence rule read a character at a time puts them, in every corpus act', () => {
      let compared = 0;
      for (const { id, text } of corpusTexts().slice(0, 60)) compared += expectSameStarts(text, [300, 700], id);
      expect(compared).toBeGreaterThan(100_000);
    });

    it('are so in random texts of words and marks, at every look-back up to two blocks of eight', () => {
      // Pieces that make and unmake sentence ends: words of two and three letters in either case
      // and script, each mark with and without the space and capital after it, abbreviations.
      const pieces = ['абв', 'ёжз', 'xyz', 'аб', 'Где', 'Ёлка', 'Abc', '"Ош"', 'г', ' ', ' ', '.', '!', '?', ';', '\n', '. ', '? ', '! ', 'А.', '1', ',', '\u00a0', '\u0000'];
      const limits = Array.from({ length: 18 }, (_, i) => i).concat([600]);
      for (let seed = 1; seed <= 30; seed += 1) {
        const text = randomText(pieces, 8 + seed * 3, seed * 31337);
        expectSameStarts(text, limits, JSON.stringify(text));
      }
      const startIn = (text: string, at: number, from: number) => {
        needleOccurrences(['граждан'], text, [[]]);
        return scannedSentenceStart(text, at, from);
      };
      expect(startIn('абв. Где', 8, 0)).toBe(5);
      expect(startIn('абв. Где', 8, 6)).toBe(6);
      expect(startIn('аб. Где', 7, 0)).toBe(0); // two letters before the dot: an abbreviation
      expect(startIn('г. Ош; далее', 12, 0)).toBe(6);
      expect(startIn('абв.\nГде', 7, 0)).toBe(5);
    });

    it('are read in a text the module does not hold after copying it in (a batch asks about each document in turn), not past a text\'s end', () => {
      needleOccurrences(['граждан'], 'абв. Где', [[]]);
      expect(scannedSentenceStart('абв. Где', 8, 0)).toBe(5);
      expect(scannedSentenceStart('абв. Где', 9, 0)).toBeNull();
      expect(scannedSentenceStart('другой текст. Вот', 17, 0)).toBe(14);
      expect(scannedSentenceStart('абв. Где', 8, 0)).toBe(5);
      expect(scannedSentenceStart('другой текст. Вот', 12, 0)).toBe(0);
    });
  });
});
