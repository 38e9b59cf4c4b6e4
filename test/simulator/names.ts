// Names, places and citizenships for generated court cases. Genitive forms are written out
// because court texts decline names («в отношении Мамытова Азамата Бековича»).
export interface SimulatedPerson {
  surname: string;
  firstName: string;
  patronymic: string;
  /** Genitive of the full name, as in «в отношении …». */
  genitive: string;
  gender: 'm' | 'f';
  citizenship: 'KG' | 'UZ' | 'TJ' | 'KZ' | 'RU';
  birthDate: string; // YYYY-MM-DD
  birthPlace: string;
}

export const citizenshipGenitive: Record<SimulatedPerson['citizenship'], string> = {
  KG: 'Кыргызской Республики',
  UZ: 'Республики Узбекистан',
  TJ: 'Республики Таджикистан',
  KZ: 'Республики Казахстан',
  RU: 'Российской Федерации',
};

const male: Record<SimulatedPerson['citizenship'], { surnames: string[]; names: string[]; fathers: string[]; places: string[] }> = {
  KG: {
    surnames: ['Мамытов', 'Жумабеков', 'Асанов', 'Токтогулов', 'Сыдыков', 'Абдыкеримов', 'Эсенбаев', 'Кадыров', 'Бакиров', 'Осмонов'],
    names: ['Азамат', 'Нурлан', 'Бакыт', 'Эрлан', 'Улан', 'Талант', 'Мирлан', 'Канат', 'Руслан', 'Бекзат'],
    fathers: ['Бекович', 'Садырович', 'Токтосунович', 'Асылбекович', 'Мукашевич', 'Жолдошевич'],
    places: ['г. Ош Киргизской ССР', 'г. Фрунзе Киргизской ССР', 'г. Бишкек Кыргызской Республики', 'г. Джалал-Абад Киргизской ССР', 'с. Кара-Суу Ошской области Кыргызской Республики', 'г. Каракол Киргизской ССР', 'г. Токмок Киргизской ССР'],
  },
  UZ: {
    surnames: ['Каримов', 'Юсупов', 'Рахимов', 'Турсунов', 'Холматов', 'Эргашев'],
    names: ['Шерзод', 'Бахтиёр', 'Улугбек', 'Жасур', 'Фарход', 'Азиз'],
    fathers: ['Рустамович', 'Алишерович', 'Бахромович', 'Одилович'],
    places: ['г. Андижан Республики Узбекистан', 'г. Наманган Узбекской ССР', 'г. Фергана Республики Узбекистан', 'г. Самарканд Узбекской ССР'],
  },
  TJ: {
    surnames: ['Саидов', 'Назаров', 'Рахмонов', 'Давлатов', 'Шарипов', 'Курбонов'],
    names: ['Фирдавс', 'Парвиз', 'Сухроб', 'Джамшед', 'Манучехр', 'Далер'],
    fathers: ['Исмоилович', 'Абдуллоевич', 'Саидович', 'Хайруллоевич'],
    places: ['г. Душанбе Республики Таджикистан', 'г. Худжанд Таджикской ССР', 'г. Куляб Республики Таджикистан'],
  },
  KZ: {
    surnames: ['Жумабаев', 'Нурланов', 'Серикбаев', 'Ахметов', 'Оспанов'],
    names: ['Ерлан', 'Нурсултан', 'Данияр', 'Арман', 'Ержан'],
    fathers: ['Серикович', 'Маратович', 'Болатович'],
    places: ['г. Шымкент Республики Казахстан', 'г. Алматы Казахской ССР', 'г. Тараз Республики Казахстан'],
  },
  RU: {
    surnames: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов'],
    names: ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Михаил', 'Иван'],
    fathers: ['Александрович', 'Викторович', 'Сергеевич', 'Николаевич'],
    places: ['г. Екатеринбург', 'г. Новосибирск', 'г. Москва', 'г. Челябинск'],
  },
};

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const female: Record<'KG' | 'UZ' | 'TJ', { surnames: string[]; names: string[]; fathers: string[] }> = {
  KG: { surnames: ['Асанова', 'Жумабекова', 'Токтогулова', 'Сыдыкова'], names: ['Айгуль', 'Нургуль', 'Жылдыз', 'Айпери', 'Бермет'], fathers: ['Бековна', 'Садыровна', 'Асылбековна'] },
  UZ: { surnames: ['Каримова', 'Юсупова', 'Рахимова'], names: ['Дилноза', 'Гулнора', 'Малика'], fathers: ['Рустамовна', 'Алишеровна'] },
  TJ: { surnames: ['Саидова', 'Назарова', 'Рахмонова'], names: ['Мадина', 'Зарина', 'Нигина'], fathers: ['Исмоиловна', 'Саидовна'] },
};

/** Genitive of a Russian-style name («Мамытов Азамат Бекович» → «Мамытова Азамата Бековича»). */
function genitiveMale(surname: string, firstName: string, patronymic: string): string {
  const first = /[йь]$/.test(firstName) ? `${firstName.slice(0, -1)}я` : `${firstName}а`;
  return [`${surname}а`, first, patronymic ? `${patronymic}а` : ''].filter(Boolean).join(' ');
}

/** Genitive of a woman's name: surname -ова → -овой, patronymic -овна → -овны, first names in a consonant stay. */
function genitiveFemale(surname: string, firstName: string, patronymic: string): string {
  const last = surname.endsWith(' кызы') ? surname : surname.replace(/а$/, 'ой');
  const first = /[ая]$/.test(firstName) ? `${firstName.slice(0, -1)}ы` : firstName;
  return [last, first, patronymic ? patronymic.replace(/а$/, 'ы') : ''].filter(Boolean).join(' ');
}

function birth(random: () => number): string {
  const year = 1975 + Math.floor(random() * 30);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function makePerson(random: () => number, citizenship: SimulatedPerson['citizenship']): SimulatedPerson {
  const pool = male[citizenship];
  const birthPlace = pick(random, pool.places);
  const birthDate = birth(random);
  // About one migrant in six is a woman: analysts report figures by gender.
  if (citizenship !== 'KZ' && citizenship !== 'RU' && random() < 0.17) {
    const women = female[citizenship];
    let surname = pick(random, women.surnames);
    const firstName = pick(random, women.names);
    let patronymic = pick(random, women.fathers);
    if (citizenship === 'KG' && random() < 0.3) {
      surname = `${pick(random, ['Асанбек', 'Токтосун', 'Жолдош', 'Мукаш'])} кызы`;
      patronymic = '';
    }
    const genitive = genitiveFemale(surname, firstName, patronymic);
    return { surname, firstName, patronymic, genitive, gender: 'f', citizenship, birthDate, birthPlace };
  }
  let surname = pick(random, pool.surnames);
  const firstName = pick(random, pool.names);
  let patronymic = pick(random, pool.fathers);
  // Many Kyrgyz men carry the father's name with «уулу» instead of a Russian-style surname.
  const uulu = citizenship === 'KG' && random() < 0.25;
  if (uulu) {
    surname = `${pick(random, ['Асанбек', 'Токтосун', 'Жолдош', 'Мукаш'])} уулу`;
    patronymic = '';
  }
  const genitive = uulu ? `${surname} ${firstName}а` : genitiveMale(surname, firstName, patronymic);
  return { surname, firstName, patronymic, genitive, gender: 'm', citizenship, birthDate, birthPlace };
}

/** «МАМЫТОВ А.Б.» as lists write the accused; «АСАНБЕК УУЛУ Н.» for an uulu name. */
export function listName(person: SimulatedPerson): string {
  const initials = `${person.firstName[0]}.${person.patronymic ? `${person.patronymic[0]}.` : ''}`;
  return `${person.surname.toUpperCase()} ${initials}`;
}

export function fullName(person: SimulatedPerson): string {
  return [person.surname, person.firstName, person.patronymic].filter(Boolean).join(' ');
}

/** Initials as depersonalised criminal acts write the accused: «М.А.Б.». */
export function depersonalisedInitials(person: SimulatedPerson): string {
  return [person.surname, person.firstName, person.patronymic].filter(Boolean).map((part) => `${part[0]}.`).join('');
}
