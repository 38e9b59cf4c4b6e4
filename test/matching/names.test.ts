import { describe, expect, it } from 'vitest';
import { canonicalWord, icaoLatin } from '../../matching/transliterate.ts';
import { parseName } from '../../matching/name-parts.ts';
import { keysMeet, nameKeys, personKeys, singleWordKeys } from '../../matching/name-keys.ts';
import { knownName, scoreName } from '../../matching/score-name.ts';
import { CANDIDATE_THRESHOLD, compareBirthDates, prepareRecord, scoreCandidate } from '../../matching/score-candidate.ts';

const score = (known: string, seen: string) => scoreName(knownName(known), seen).score;

describe('spellings of one name meet in one canonical form', () => {
  it.each([
    ['Жумабеков', ['ZHUMABEKOV', 'JUMABEKOV', 'DZHUMABEKOV', 'Джумабеков']],
    ['Ырысбек', ['YRYSBEK', 'IRISBEK', 'Ирисбек']],
    ['Үсөнов', ['USONOV', 'UESOENOV', 'Усонов']],
    ['Ахмедов', ['AKHMEDOV', 'AHMEDOV']],
    ['Чыңгыз', ['CHYNGYZ', 'CHINGIZ', 'Чингиз']],
    ['Артём', ['Артем', 'ARTEM']],
    ['Юлия', ['IULIIA', 'YULIYA']],
    ['Ерлан', ['YERLAN', 'ERLAN', 'Эрлан']],
  ])('%s', (cyrillic, others) => {
    for (const other of others) expect(canonicalWord(other)).toBe(canonicalWord(cyrillic));
  });

  it('writes the ICAO 9303 spelling', () => {
    expect(icaoLatin('Жумабеков Юлия Хасановна')).toBe('ZHUMABEKOV IULIIA KHASANOVNA');
  });
});

describe('parseName', () => {
  it('reads upper-case listings with initials', () => {
    const parsed = parseName('МАХМУДОВ Д.П.');
    expect(parsed.words.map((word) => [word.canonical, word.isInitial])).toEqual([
      ['mahmudov', false],
      ['d', true],
      ['p', true],
    ]);
  });

  it.each(['Асанбек уулу Нурлан', 'Асанбек-уулу Нурлан', 'Асанбекуулу Нурлан', 'ASANBEK UULU NURLAN', 'Nurlan Asanbekuulu'])(
    'finds the father’s name in %s',
    (written) => {
      const parsed = parseName(written);
      expect(parsed.gender).toBe('m');
      expect(parsed.words.find((word) => word.isFathersName)?.canonical).toBe('asanbek');
      expect(parsed.words.filter((word) => !word.isFathersName).map((word) => word.canonical)).toEqual(['nurlan']);
    },
  );

  it('knows «кызы» and patronymics in -овна as a woman’s', () => {
    expect(parseName('Мукаш кызы Айгерим').gender).toBe('f');
    expect(parseName('Асанова Айгуль Маратовна').gender).toBe('f');
  });
});

describe('scoreName', () => {
  it.each([
    ['Жумабеков Азамат Бекович', 'ЖУМАБЕКОВ А.Б.'],
    ['ZHUMABEKOV AZAMAT', 'Жумабекову Азамату Бековичу'],
    ['Мамытов Азамат', 'Мамытовым Азаматом'],
    ['NURLAN ASANBEK UULU', 'Асанбек уулу Нурлана'],
    ['NURLAN ASANBEK UULU', 'Асанбекова Нурлана'],
    ['Асанова Айгуль Маратовна', 'Асановой Айгуль Маратовны'],
    ['DZHUMABEKOV AZAMAT', 'А.Б. Жумабеков'],
    ['Жумабеков Азамат', 'Жумабекв Азамат'],
  ])('%s is a candidate for «%s»', (known, seen) => {
    expect(score(known, seen)).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });

  it.each([
    ['ZHUMABEKOV AZAMAT', 'Жумабеков Н.Т.'],
    ['ZHUMABEKOV AZAMAT', 'Жумабаев Азамат'],
    ['Жумабеков Азамат Бекович', 'Жумабеков Айбек Бекович'],
    ['NURLAN ASANBEK UULU', 'Токтосун уулу Нурлан'],
    ['AIGUL ASANOVA', 'Асанов А.М.'],
    ['Осмонов Бакыт', 'Усмонов Бакыт'],
    ['Исмаилов Улан', 'Исмаилов'],
  ])('%s is not a candidate for «%s»', (known, seen) => {
    expect(score(known, seen)).toBeLessThan(CANDIDATE_THRESHOLD);
  });

  it('explains itself without repeating the name', () => {
    const result = scoreName(knownName('ZHUMABEKOV AZAMAT'), 'Жумабекову А.');
    expect(result.reasons).toEqual(['declined form', 'surname and initials']);
  });
});

describe('scoreCandidate', () => {
  const record = prepareRecord({ names: ['ZHUMABEKOV AZAMAT', 'Жумабеков Азамат'], birthDate: '1990-05-04', detainedOn: '2026-11-01', places: ['Екатеринбург, Свердловская область'] });

  it('raises a name match with an equal birth date, a nearby court and case dates', () => {
    const result = scoreCandidate(record, {
      names: ['ЖУМАБЕКОВ А.'], birthDate: '1990-05-04', gender: 'm',
      courtPlaces: ['Верх-Исетский районный суд г. Екатеринбурга', 'Свердловская область'], caseDates: ['2026-11-20'],
    });
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.reasons).toContain('birth date equal');
    expect(result.reasons).toContain('court region matches place of detention');
    expect(result.reasons).toContain('case within 90 days of detention');
  });

  it('drops a namesake born in another year below the threshold', () => {
    const result = scoreCandidate(record, { names: ['Жумабеков Азамат'], birthDate: '1993-05-04', gender: null });
    expect(result.score).toBeLessThan(CANDIDATE_THRESHOLD);
  });

  it('treats a swapped day and month as close, another year as different', () => {
    expect(compareBirthDates('1990-05-04', '1990-04-05')).toBe('close');
    expect(compareBirthDates('1990-05-04', '1991-05-04')).toBe('different');
    expect(compareBirthDates('1990-05-04', null)).toBe('unknown');
  });
});

describe('search keys', () => {
  it('are shared by the spellings and case forms of one person', () => {
    const record = personKeys(['ZHUMABEKOV AZAMAT', 'Жумабеков Азамат Бекович']);
    for (const seen of ['Жумабекову А.Б.', 'ДЖУМАБЕКОВ А.', 'Азамат Жумабеков', 'Жумабековым Азаматом Бековичем']) {
      expect(nameKeys(seen).some((key) => record.includes(key))).toBe(true);
    }
  });

  it('meet through the prefix when a late typo breaks the whole key', () => {
    expect(keysMeet(personKeys(['Сатыбалдиев Руслан']), personKeys(['Сатыбалиев Р.']))).toBe(true);
  });

  it('turn a one-word query into one key per possible initial', () => {
    expect(nameKeys('Жумабеков')).toEqual([]);
    expect(singleWordKeys('Жумабеков')).toContain(nameKeys('Жумабеков Азамат')[0]);
  });
});
