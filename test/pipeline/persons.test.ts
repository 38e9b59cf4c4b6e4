import { describe, expect, it } from 'vitest';
import { nominativeName, nameKey } from '../../pipeline/name-forms.ts';
import { personsFromCard } from '../../pipeline/card-persons.ts';
import { personsFromText } from '../../pipeline/persons.ts';

const accused = (text: string) => personsFromText(text).filter((p) => p.mention.role === 'person_charged' || p.mention.role === 'defendant').map((p) => p.mention);

describe('names as written → nominative', () => {
  it.each([
    ['Мамытова Азамата Бековича', 'gen', 'm', 'Мамытов Азамат Бекович'],
    ['Асановой Гульнары Бакытовны', 'gen', 'f', 'Асанова Гульнара Бакытовна'],
    ['Жумабекову А.Т.', 'acc', 'f', 'Жумабекова А.Т.'],
    ['Жумабекову А.Т.', 'dat', 'm', 'Жумабеков А.Т.'],
    ['Бакыт уулу Азамата', 'gen', 'm', 'Бакыт уулу Азамат'],
    ['Асан кызы Айгуль', 'gen', 'f', 'Асан кызы Айгуль'],
    ['МАХМУДОВ Д.П.', 'nom', 'm', 'Махмудов Д.П.'],
    ['Сергеева Андрея Николаевича', 'gen', 'm', 'Сергеев Андрей Николаевич'],
    ['Усенова-Джумабаева Канатбека Аскаровича', 'gen', 'm', 'Усенов-Джумабаев Канатбек Аскарович'],
    ['Усеновой-Джумабаевой А.К.', 'ins', 'f', 'Усенова-Джумабаева А.К.'],
  ] as const)('%s (%s) → %s', (written, c, gender, expected) => {
    expect(nominativeName(written, c, gender)).toBe(expected);
  });

  it('gives every form of one person the same key', () => {
    expect(new Set(['Мамытова Азамата Бековича', 'Мамытов А.Б.', 'МАМЫТОВ А.Б.', 'Мамытову А.Б.', 'Мамытовым А.Б.'].map(nameKey)).size).toBe(1);
    expect(new Set(['Усенова-Джумабаева Канатбека', 'Усенов-Джумабаев К.А.', 'Усеновым-Джумабаевым К.А.'].map(nameKey)).size).toBe(1);
  });

  it('keys a marker by itself, in lower case and without spaces', () => {
    expect(['ФИО1', 'ФИО12', 'ФИО', ' ФИО3 ', '<данные изъяты>', 'А. Б.', 'А.Б.В.'].map(nameKey)).toEqual(['фио1', 'фио12', 'фио', 'фио3', '<данныеизъяты>', 'а.б.', 'а.б.в.']);
    expect(nameKey('ФИО1')).not.toBe(nameKey('ФИО11'));
  });

  it('takes a double surname in its cases for one person, whose citizenship the nominative mention shares', () => {
    const text = 'в отношении Усенова-Джумабаева Канатбека Аскаровича, гражданина Кыргызской Республики,\nУСТАНОВИЛ:\nПодсудимый Усенов-Джумабаев К.А. нарушил режим пребывания.\nПОСТАНОВИЛ:\nПризнать Усенова-Джумабаева К.А. виновным.';
    expect(personsFromText(text).map((p) => [p.mention.normalized, p.mention.role])).toEqual([['Усенов-Джумабаев Канатбек Аскарович', 'person_charged']]);
  });
});

describe('persons in act texts', () => {
  it('finds the person charged with birth date, birthplace and gender', () => {
    const [p] = accused('рассмотрев дело в отношении Мамытова Азамата Бековича, 12.03.1995 года рождения, уроженца г. Ош Киргизской ССР, гражданина Кыргызской Республики,');
    expect(p).toMatchObject({ name: 'Мамытова Азамата Бековича', normalized: 'Мамытов Азамат Бекович', gender: 'm', birthDate: '1995-03-12', birthPlace: 'г. Ош Киргизской ССР' });
  });

  it('reads «г.р.», women («гражданки», «виновной», кызы) and accusative names in the resolutive part', () => {
    const [p] = accused('ПОСТАНОВИЛ:\nПризнать Сыдыкову Айгуль Бекболотовну, 01.02.1990 г.р., виновной в совершении');
    expect(p).toMatchObject({ normalized: 'Сыдыкова Айгуль Бекболотовна', gender: 'f', birthDate: '1990-02-01' });
    const [k] = accused('в отношении Нурлан кызы Асель, гражданки Кыргызской Республики');
    expect(k).toMatchObject({ normalized: 'Нурлан кызы Асель', gender: 'f' });
  });

  it('reads a birthplace written «уроженец» (nominative) or opening a sentence («Место рождения:», «Уроженка»)', () => {
    const [nominative] = accused('Подсудимый Асанов Бакыт Маратович, 01.02.1990 года рождения, уроженец г. Ош Киргизской ССР, вину признал.');
    expect(nominative).toMatchObject({ birthPlace: 'г. Ош Киргизской ССР', gender: 'm' });
    const [listed] = accused('рассмотрев дело в отношении Асанова Бакыта Маратовича, 01.02.1990 года рождения. Место рождения: г. Ош Киргизской ССР, гражданина Кыргызской Республики,');
    expect(listed).toMatchObject({ birthDate: '1990-02-01', birthPlace: 'г. Ош Киргизской ССР' });
    const [woman] = accused('рассмотрев дело в отношении ФИО1, 01.02.1990 года рождения. Уроженка г. Нарын, гражданки Кыргызской Республики,');
    expect(woman).toMatchObject({ birthPlace: 'г. Нарын', gender: 'f' });
  });

  it('reads a birth date with the month in words and a birthplace after «родившегося <date> в»', () => {
    expect(accused('в отношении Асанова Бакыта, 12 марта 1990 года рождения, уроженца г. Ош, гражданина КР,')[0]).toMatchObject({ birthDate: '1990-03-12', birthPlace: 'г. Ош' });
    expect(accused('в отношении Асанова Бакыта, родившегося 02.11.1988 в г. Ош Киргизской ССР, гражданина КР,')[0]).toMatchObject({ birthDate: '1988-11-02', birthPlace: 'г. Ош Киргизской ССР' });
  });

  it.each([
    ['01.02.1990 года рождения'],
    ['01.02.1990 г.р.'],
    ['01.02.1990 г. р.'],
    ['01.02.1990 года р.'],
    ['01.02.1990 г. рождения'],
    ['д.р. 01.02.1990'],
    ['дата рождения: 01.02.1990'],
    ['Дата рождения 01.02.1990'],
    ['родившегося 01.02.1990'],
    ['родился 01.02.1990'],
    ['1 февраля 1990 года рождения'],
    ['1 февраля 1990 г.р.'],
  ])('reads the birth date written «%s»', (written) => {
    expect(accused(`в отношении Асанова Бакыта Маратовича, ${written}, гражданина КР,`)[0]).toMatchObject({ birthDate: '1990-02-01' });
  });

  it('reads a birthplace and a birth date after «родился», «родилась»', () => {
    const [p] = accused('Подсудимая Асанова Айгуль Бакытовна, родилась 01.02.1990 в г. Нарын Киргизской ССР, вину признала.');
    expect(p).toMatchObject({ birthDate: '1990-02-01', gender: 'f' });
    const [q] = accused('в отношении ФИО1, родился в г. Ош, проживает без регистрации,');
    expect(q).toMatchObject({ birthPlace: 'г. Ош', gender: 'm' });
  });

  it('finds the accused before and after the trial: «в отношении обвиняемого …», «подозреваемого …», «осужденного …»', () => {
    for (const word of ['обвиняемого', 'подозреваемого', 'осужденного']) {
      const persons = personsFromText(`избрать меру пресечения в отношении ${word} Асанова Бакыта Маратовича, обвиняемого в совершении преступления, предусмотренного ч. 2 ст. 322 УК РФ`);
      expect(persons.map((p) => [p.mention.name, p.mention.role]), word).toEqual([['Асанова Бакыта Маратовича', 'defendant']]);
    }
    const opening = personsFromText('УСТАНОВИЛ:\nОбвиняемый Асанов Бакыт Маратович задержан 01.11.2026.');
    expect(opening.map((p) => [p.mention.name, p.mention.role])).toEqual([['Асанов Бакыт Маратович', 'defendant']]);
    expect(personsFromText('обвиняемого в совершении преступления, подозреваемого в краже')).toEqual([]);
  });

  it('tells a depersonalised defendant\'s gender from participles in the nominative', () => {
    const gender = (text: string) => personsFromText(text).map((p) => p.mention.gender);
    expect(gender('Подсудимый ФИО2, родившийся ДД.ММ.ГГГГ, зарегистрированный по адресу <адрес>, вину признал.')).toEqual(['m']);
    expect(gender('Подсудимая ФИО3, родившаяся ДД.ММ.ГГГГ в <адрес>, вину признала.')).toEqual(['f']);
    expect(gender('в отношении ФИО4, ДД.ММ.ГГГГ года рождения, проживающая по адресу <адрес>,')).toEqual(['f']);
  });

  it('reads a witness, an interpreter and a defendant named at the start of a sentence, capitalised', () => {
    const persons = personsFromText('УСТАНОВИЛ:\nСвидетель Асанов Б.Т. пояснил, что знает подсудимого.\nПереводчик с киргизского языка Мамытова А.К. предупреждена.\nПодсудимый Токтосунов Э.Б. вину признал.');
    expect(persons.map((p) => [p.mention.name, p.mention.role])).toEqual([
      ['Токтосунов Э.Б.', 'defendant'],
      ['Асанов Б.Т.', 'witness'],
      ['Мамытова А.К.', 'other'],
    ]);
  });

  it('lists a person named after any citizenship phrase an anchor reads: Ukraine, Azerbaijan, a redacted state', () => {
    const persons = personsFromText(
      'в отношении Асанова Б.Т., гражданина КР,\nУСТАНОВИЛ:\nАсанов Б.Т. работал вместе с гражданином Украины Петренко П.П., гражданином Азербайджанской Республики Алиевым Р.В. и гражданином <данные изъяты> ФИО2.',
    );
    expect(persons.map((p) => [p.mention.name, p.mention.role, p.mention.normalized])).toEqual([
      ['Асанова Б.Т.', 'person_charged', 'Асанов Б.Т.'],
      ['Петренко П.П.', 'other', 'Петренко П.П.'],
      ['Алиевым Р.В.', 'other', 'Алиев Р.В.'],
      ['ФИО2', 'other', null],
    ]);
  });

  it('flags depersonalised names and keeps witnesses apart from the accused', () => {
    const persons = personsFromText('в отношении ФИО1, ДД.ММ.ГГГГ года рождения, гражданки КР,\nДопрошенный свидетель Асанов Б.Т. пояснил');
    expect(persons.map((p) => [p.mention.name, p.mention.role, p.mention.depersonalized, p.mention.gender])).toEqual([
      ['ФИО1', 'person_charged', true, 'f'],
      ['Асанов Б.Т.', 'witness', false, 'm'],
    ]);
  });

  it('takes a placeholder found in the resolutive part only for the one person named charged, and nothing else', () => {
    const intro = 'рассмотрев дело в отношении Мамытова Азамата Бековича, 12.03.1995 года рождения,\nУСТАНОВИЛ:\nМамытов А.Б. нарушил режим пребывания.\nПОСТАНОВИЛ:\n';
    const names = (text: string) => accused(text).map((p) => p.name);
    expect(names(`${intro}Признать ФИО8 виновным и назначить ему наказание`)).toEqual(['Мамытова Азамата Бековича']);
    // A placeholder introduced before the resolutive part is someone depersonalised throughout.
    expect(names(`рассмотрев дело в отношении ФИО1,\n${intro}Признать ФИО1 виновным`)).toEqual(['ФИО1', 'Мамытова Азамата Бековича']);
    // Another gender, a citizenship of its own, or a second person named charged: kept apart.
    expect(names(`${intro}Признать ФИО8 виновной и назначить ей наказание`)).toEqual(['Мамытова Азамата Бековича', 'ФИО8']);
    expect(names(`${intro}Признать гражданина КР ФИО8 виновным`)).toEqual(['Мамытова Азамата Бековича', 'ФИО8']);
    const two = 'в отношении Мамытова Азамата Бековича и в отношении Каримова Шерзода Рустамовича\nПОСТАНОВИЛ:\nПризнать ФИО8 виновным';
    expect(names(two)).toEqual(['Мамытова Азамата Бековича', 'Каримова Шерзода Рустамовича', 'ФИО8']);
  });

  it('finds two defendants of one criminal case', () => {
    const text = 'уголовное дело в отношении\nМамытова Азамата Бековича, 01.01.1990 года рождения, гражданина КР,\nКаримова Шерзода Рустамовича, 02.02.1991 года рождения\nПРИГОВОРИЛ:\nМамытова Азамата Бековича признать виновным\nКаримова Шерзода Рустамовича признать виновным';
    expect(accused(text).map((p) => p.normalized)).toEqual(['Мамытов Азамат Бекович', 'Каримов Шерзод Рустамович']);
  });
});

describe('persons on case cards', () => {
  it('maps roles as written and title-cases upper-case names; state bodies are not persons', () => {
    const persons = personsFromCard([
      { roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'МАХМУДОВ Д.П.', articles: 'ст.18.8 ч.3.1 КоАП РФ' },
      { roleAsWritten: 'ОСУЖДЕННЫЙ', name: 'АСАНОВА АЙГУЛЬ БЕКОВНА', articles: null },
      { roleAsWritten: 'Административный ответчик', name: 'ГУ МВД России по г. Москве', articles: null },
      { roleAsWritten: 'Административный истец', name: 'Бакыт уулу Азамат', articles: null },
      { roleAsWritten: 'СВИДЕТЕЛЬ', name: 'ФИО2', articles: null },
    ]);
    expect(persons.map((p) => [p.normalized, p.role, p.gender])).toEqual([
      ['Махмудов Д.П.', 'person_charged', 'm'],
      ['Асанова Айгуль Бековна', 'defendant', 'f'],
      ['Бакыт уулу Азамат', 'person_charged', 'm'],
      [null, 'witness', null],
    ]);
  });
});
