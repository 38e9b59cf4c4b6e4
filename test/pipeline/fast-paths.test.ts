// The shortcuts that keep the pipeline fast (patterns tried only at candidates, literal checks
// before scans, work skipped once decided) must find exactly what the plain scans found.
import { describe, expect, it } from 'vitest';
import { extractCharges } from '../../pipeline/charges.ts';
import { anyNeedlePositions, lowerCased, needle, needlePositions, nextWordMayStart, occurrencesOf } from '../../pipeline/cyrillic.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { isDepersonalized, nameKey, splitName, titleCase } from '../../pipeline/name-forms.ts';
import { looksLikeHtml, normalizeText } from '../../pipeline/normalize.ts';
import { extractOutcomes } from '../../pipeline/outcome.ts';
import { personsFromText } from '../../pipeline/persons.ts';
import { ANCHORS } from '../../pipeline/person-anchors.ts';
import { corpusTexts } from '../../bench/pipeline-paths.ts';
import '../../pipeline/citizenship.ts';

describe('the shared needle index', () => {
  it('gives every occurrence, overlapping needles included', () => {
    const text = 'лица, в отношении лиц без гражданства; признать';
    expect(needlePositions(text, needle('лица,'))).toEqual([0]);
    expect(needlePositions(text, needle('лиц'))).toEqual([0, 18]);
    expect(needlePositions(text, needle('признать'))).toEqual([39]);
    expect(needlePositions(text, needle('ризнать'))).toEqual([40]);
  });
});

describe('the offsets of several needles', () => {
  it('are every offset where one starts, in increasing order, each once (needles that start together too)', () => {
    const random = seededRandom(13);
    const words = [needle('лиц'), needle('лица,'), needle('ст.'), needle('стст.'), needle('стат')];
    const pieces = ['лиц', 'лица,', 'ст.', 'стст.', 'стат', 'ья', ' ', 'а', 'с', 'т', '.'];
    for (let round = 0; round < 500; round += 1) {
      let text = '';
      for (let i = 0; i < 30; i += 1) text += pieces[Math.floor(random() * pieces.length)];
      for (const chosen of [words, words.slice(0, 2), words.slice(2), [words[4]!, words[0]!]]) {
        const expected = [...new Set(chosen.flatMap((n) => [...needlePositions(text, n)]))].sort((a, b) => a - b);
        expect(anyNeedlePositions(text, chosen), text).toEqual(expected);
      }
    }
  });
});

describe('a surname looked for from its rarest character', () => {
  /** What occurrencesOf replaces: indexOf from past each occurrence. */
  function byIndexOf(text: string, needle: string): number[] {
    const found: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
    return found;
  }

  it('finds what indexOf finds, for needles whose first letter shares its byte with the space, «"» or «.»', () => {
    const random = seededRandom(5);
    const pieces = ['Р', 'Ра', 'Рах', 'РА', 'РАХ', 'а', 'х', ' ', '"', 'Т', 'То', 'ТО', '.', 'Ю', 'Юс', 'М', 'Ма'];
    const needles = ['Рахимов', 'РАХИМОВ', 'Рах', 'Ра', 'Тоор', 'ТООР', 'Юсуп', 'Мамытов', 'Р', 'РаРа', 'аа'];
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let i = 0; i < 60; i += 1) text += random() < 0.1 ? needles[Math.floor(random() * needles.length)] : pieces[Math.floor(random() * pieces.length)];
      for (const needle of needles) expect(occurrencesOf(text, needle), `${needle} in ${text}`).toEqual(byIndexOf(text, needle));
    }
    expect(occurrencesOf('РаРаРа Рахимов', 'РаРа')).toEqual([0]);
    expect(occurrencesOf('Рахимов, РАХИМОВ', 'Рахимов')).toEqual([0]);
  });
});

describe('the quick test of the next word', () => {
  /** What nextWordMayStart stands for: the rest of the word and the spaces as \p{L}* and \s+ read them, then a prefix. */
  function byPattern(text: string, at: number, prefixes: string[]): boolean {
    const rest = /\p{L}*\s+/uy;
    rest.lastIndex = at;
    return rest.exec(text) !== null && prefixes.some((prefix) => text.startsWith(prefix, rest.lastIndex));
  }

  it('answers as the pattern does on random words, spaces and punctuation', () => {
    const random = seededRandom(11);
    const pieces = ['ого', 'ой', 'ое', 'а', 'я', 'Ё', 'ё', 'Б', 'b', 'Z', 'ž', ' ', ' ', '  ', '\n', '\u00a0', ',', '.', '-', '1', 'ис', 'иск', 'ответчик', 'ответ', 'о', 'и'];
    const prefixes = ['ис', 'ответчик'];
    for (let round = 0; round < 3000; round += 1) {
      let text = '';
      for (let i = 0; i < 8; i += 1) text += pieces[Math.floor(random() * pieces.length)];
      for (let at = 0; at <= text.length; at += 1) expect(nextWordMayStart(text, at, prefixes), `${JSON.stringify(text)} at ${at}`).toBe(byPattern(text, at, prefixes));
    }
    expect(nextWordMayStart('административного истца', 14, prefixes)).toBe(true);
    expect(nextWordMayStart('административной ответственности', 14, prefixes)).toBe(false);
  });
});

describe('lower case and title case without ICU', () => {
  it('lower-cases as toLowerCase does, on random words of capitals, Ё, other scripts and İ', () => {
    const letters = ['А', 'Я', 'Ё', 'а', 'я', 'ё', 'A', 'Z', 'a', 'z', 'İ', 'Σ', 'ß', '1', '-', '.', ' ', 'Ж', 'ж'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % letters.length;
    for (let i = 0; i < 5000; i += 1) {
      const word = Array.from({ length: 1 + (i % 7) }, () => letters[next()]).join('');
      expect(lowerCased(word), word).toBe(word.toLowerCase());
    }
    expect(['Асанов', 'АСАНОВ', 'асанов', 'Ёлкин', 'İlyas', ''].map(lowerCased)).toEqual(['асанов', 'асанов', 'асанов', 'ёлкин', 'İlyas'.toLowerCase(), '']);
  });

  it('title-cases a name with words in capitals, and keeps one without them as written but for spaces', () => {
    expect(titleCase(' Асанова  Б.К. ')).toBe('Асанова Б.К.');
    expect(titleCase('АСАНОВА Б.К.')).toBe('Асанова Б.К.');
    expect(titleCase('БАКЫТ УУЛУ АЗАМАТ')).toBe('Бакыт уулу Азамат');
    expect(titleCase('ИБРАГИМОВ-ОГЛЫ ФИО1')).toBe('Ибрагимов-оглы ФИО1');
    expect(titleCase('ÇELİK Ahmet')).toBe('Çeli̇k Ahmet');
    expect(nameKey('АСАНОВА Б.К.')).toBe(nameKey('Асанова Бакыта'));
  });

  it('tells markers from names by their first characters, then the pattern', () => {
    expect([' ФИО1', 'ФИО12', 'А.Б.', ' А. Б.', '<данные изъяты>'].map(isDepersonalized)).toEqual([true, true, true, true, true]);
    expect(['Фомин А.Б.', 'Асанов', 'А.Бакыт', '', ' '].map(isDepersonalized)).toEqual([false, false, false, false, false]);
    expect(splitName('Азиз заде Камиль Вугар оглы')).toEqual({ surname: ['Азиз', 'заде'], given: 'Камиль', patronymic: 'Вугар оглы', initials: null });
    expect(splitName('Бакыт уулу Азамат А.')).toEqual({ surname: ['Бакыт', 'уулу'], given: 'Азамат', patronymic: null, initials: 'А.' });
  });
});

describe('plain-text normalization', () => {
  it('changes the same sites in a text full of another script as in a Russian one', () => {
    const other = `${'中文'.repeat(400)}  x\u00a0\u00a0y «z» ё\n \n\n\nend`;
    expect(normalizeText(other).text).toBe(`${'中文'.repeat(400)} x y "z" е\n\nend`);
  });

  it('tells HTML by an opening tag in the first 4,096 characters or a closing one in the first 65,536', () => {
    expect(looksLikeHtml('в отношении <данные изъяты>, проживающего <адрес>')).toBe(false);
    expect(looksLikeHtml(`${'а'.repeat(4093)}<p>текст`)).toBe(true);
    expect(looksLikeHtml(`${'а'.repeat(4094)}<p>текст`)).toBe(false);
    expect(looksLikeHtml(`${'а'.repeat(60000)}текст</P>`)).toBe(true);
    expect(looksLikeHtml(`${'а'.repeat(65530)}текст</p>`)).toBe(false);
  });
});

describe('charges', () => {
  it('charges an article quoted first and cited as the charge later, once', () => {
    const text = 'Санкция ч. 1 ст. 18.8 КоАП РФ предусматривает штраф. Действия Асанова квалифицирует по ч. 1 ст. 18.8 КоАП РФ. Признать виновным по ч. 1 ст. 18.8 КоАП РФ.';
    expect(extractCharges(text)).toEqual([{ code: 'КоАП', article: '18.8', part: '1', item: null }]);
  });

  it('reads lists with and without separators', () => {
    expect(extractCharges('совершил преступление, предусмотренное п. "а", "в" ч. 2 ст. 158 УК РФ')).toEqual([
      { code: 'УК', article: '158', part: '2', item: 'а' },
      { code: 'УК', article: '158', part: '2', item: 'в' },
    ]);
    expect(extractCharges('по ч.ч. 1 и 2 ст. 18.8 КоАП РФ')).toEqual([
      { code: 'КоАП', article: '18.8', part: '1', item: null },
      { code: 'КоАП', article: '18.8', part: '2', item: null },
    ]);
  });
});

describe('outcomes', () => {
  it('reads fines written «в размере», «в сумме» and «размером», in text order', () => {
    const text = 'ПОСТАНОВИЛ:\nназначить штраф размером 3000 рублей, штраф в сумме 4 000 рублей и штраф в\u00a0 размере 5000 рублей; размером 6000 рублей';
    expect(extractOutcomes(text)).toEqual([
      { kind: 'fine', amountRub: 3000 },
      { kind: 'fine', amountRub: 4000 },
      { kind: 'fine', amountRub: 5000 },
    ]);
  });

  it('reads no expulsion only when the act says so, and a self-controlled exit', () => {
    expect(extractOutcomes('ПОСТАНОВИЛ:\nназначить штраф в размере 2000 рублей без административного выдворения')).toContainEqual({ kind: 'no_expulsion' });
    expect(extractOutcomes('ПОСТАНОВИЛ:\nс административным выдворением в форме контролируемого самостоятельного выезда')).toContainEqual({ kind: 'expulsion_self' });
  });
});

describe('persons', () => {
  it('tries an anchor\'s pattern wherever it could match: its quick test passes every match, in the corpus and around «Признать», «обвиняемого»', () => {
    const followers = ['Асанова Б.Т. виновным', 'гражданина КР Асанова Б.Т. виновным', 'иностранного гражданина - гражданина Республики Кыргызстан Асанова Б.Т., виновным', 'лица без гражданства Асанова Б.Т. виновным', 'гр. Асанова Б.Т. виновным', '<данные изъяты> виновным', 'ФИО1 и ФИО2 виновными', 'виновным Асанова', 'незаконным решение', 'Ёлкина Б.Т. виновным'];
    const texts = [
      ...corpusTexts().map((t) => normalizeText(t.text).text),
      ...followers.flatMap((f) => [' ', '\u00a0', '\n', '\t ', ''].map((space) => `ПОСТАНОВИЛ:\nПризнать${space}${f} и назначить наказание.`)),
      ...['обвиняемого', 'Подозреваемый', 'осужденной', 'обвиняем'].flatMap((word) => followers.map((f) => `в отношении ${word} ${f}.`)),
    ];
    let passed = 0;
    for (const text of texts) {
      for (const a of ANCHORS) {
        if (!a.worthTrying) continue;
        for (const at of needlePositions(text, a.needle)) {
          a.pattern.lastIndex = at - a.lead;
          if (at - a.lead < 0 || !a.pattern.exec(text)) continue;
          expect(a.worthTrying(text, at), `${a.needle.word} in ${JSON.stringify(text.slice(at - a.lead, at + 60))}`).toBe(true);
          passed += 1;
        }
      }
    }
    expect(passed).toBeGreaterThan(250);
  });

  it('finds the administrative plaintiff after «административного истца», not at every «административн…»', () => {
    const text = 'рассмотрев административное дело по административному исковому заявлению Асанова Бакыта Тургуновича об оспаривании решения; административного истца Асанова Б.Т.';
    const persons = personsFromText(text);
    expect(persons.map((p) => p.mention.role)).toEqual(['person_charged']);
    expect(persons[0]!.mention.normalized).toBe('Асанов Бакыт Тургунович');
  });
});
