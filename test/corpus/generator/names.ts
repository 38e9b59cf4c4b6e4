// Name lists for the corpus. Each nationality has a tune list and a different holdout list, so
// the holdout tests names (and their declensions) the pipeline was not tuned on.
import type { Chooser } from './random.ts';

export type Nationality = 'KG' | 'UZ' | 'TJ' | 'KZ' | 'RU';

export interface CorpusPerson {
  full: string; // nominative: «Мамытов Азамат Бекович», «Бакыт уулу Азамат»
  gender: 'm' | 'f';
  nationality: Nationality;
  birthDate: string; // YYYY-MM-DD
  birthPlace: string;
}

interface NameList {
  surnames: string[];
  maleGiven: string[];
  femaleGiven: string[];
  fathers: string[]; // father's given names: patronymics and «уулу»/«кызы» forms
  places: string[];
}

type Lists = Record<Nationality, { tune: NameList; holdout: NameList }>;

const LISTS: Lists = {
  KG: {
    tune: {
      surnames: ['Мамытов', 'Жумабеков', 'Асанов', 'Токтогулов', 'Сыдыков', 'Абдыкеримов', 'Эсенбаев', 'Бакиров', 'Осмонов', 'Касымалиев', 'Турдубаев', 'Шаршенов', 'Мамбетов', 'Кубанычбеков', 'Алыбаев'],
      maleGiven: ['Азамат', 'Нурлан', 'Бакыт', 'Эрлан', 'Улан', 'Талант', 'Мирлан', 'Канат', 'Бекзат', 'Айбек', 'Элмир', 'Чынгыз', 'Медер', 'Адилет'],
      femaleGiven: ['Айгуль', 'Айжан', 'Гульнара', 'Жылдыз', 'Нургуль', 'Айпери', 'Асель', 'Мээрим', 'Чолпон', 'Айзада'],
      fathers: ['Бек', 'Садыр', 'Токтосун', 'Асылбек', 'Мукаш', 'Жолдош', 'Бакытбек', 'Кубанычбек', 'Эркин', 'Таалайбек'],
      places: ['г. Ош Киргизской ССР', 'г. Фрунзе Киргизской ССР', 'г. Бишкек Кыргызской Республики', 'с. Кара-Суу Ошской области Кыргызской Республики', 'г. Токмок Киргизской ССР', 'г. Нарын Киргизской ССР', 'с. Араван Ошской области Киргизской ССР'],
    },
    holdout: {
      surnames: ['Бейшеналиев', 'Омурбеков', 'Самудинов', 'Жээнбеков', 'Кенжебаев', 'Сагынбаев', 'Орозбеков', 'Дуйшеналиев', 'Калыков', 'Мурзаев', 'Жапаров', 'Нуралиев', 'Тилеков'],
      maleGiven: ['Жоомарт', 'Эркин', 'Темирлан', 'Урмат', 'Кайрат', 'Данияр', 'Алмаз', 'Нурбек', 'Эмиль', 'Самат', 'Тилек', 'Жыргалбек'],
      femaleGiven: ['Айсулуу', 'Назгуль', 'Динара', 'Жазгуль', 'Алтынай', 'Гулжан', 'Нурайым', 'Саикал'],
      fathers: ['Алмаз', 'Таалай', 'Кубат', 'Нурлан', 'Урмат', 'Азиз', 'Мелис', 'Жениш', 'Орозбек'],
      places: ['г. Джалал-Абад Киргизской ССР', 'г. Каракол Кыргызской Республики', 'г. Баткен Кыргызской Республики', 'с. Кочкор Нарынской области Киргизской ССР', 'г. Талас Киргизской ССР', 'г. Узген Ошской области Кыргызской Республики', 'г. Кара-Балта Чуйской области Киргизской ССР'],
    },
  },
  UZ: {
    tune: { surnames: ['Каримов', 'Юсупов', 'Рахимов', 'Турсунов', 'Холматов', 'Эргашев'], maleGiven: ['Шерзод', 'Бахтиёр', 'Улугбек', 'Жасур', 'Фарход'], femaleGiven: ['Дилноза', 'Гулнора', 'Мадина'], fathers: ['Рустам', 'Алишер', 'Бахром', 'Одил'], places: ['г. Андижан Республики Узбекистан', 'г. Наманган Узбекской ССР', 'г. Фергана Республики Узбекистан'] },
    holdout: { surnames: ['Мирзаев', 'Абдуллаев', 'Исмоилов', 'Султанов', 'Норматов'], maleGiven: ['Азиз', 'Отабек', 'Санжар', 'Илхом'], femaleGiven: ['Нигора', 'Шахноза', 'Зарина'], fathers: ['Хамид', 'Ботир', 'Анвар'], places: ['г. Самарканд Узбекской ССР', 'г. Карши Республики Узбекистан', 'г. Коканд Узбекской ССР'] },
  },
  TJ: {
    tune: { surnames: ['Саидов', 'Назаров', 'Рахмонов', 'Давлатов', 'Шарипов'], maleGiven: ['Фирдавс', 'Парвиз', 'Сухроб', 'Джамшед'], femaleGiven: ['Мохира', 'Нилуфар'], fathers: ['Исмоил', 'Саид', 'Абдулло'], places: ['г. Душанбе Республики Таджикистан', 'г. Худжанд Таджикской ССР'] },
    holdout: { surnames: ['Курбонов', 'Сафаров', 'Холов', 'Гафуров'], maleGiven: ['Далер', 'Манучехр', 'Комрон', 'Бехруз'], femaleGiven: ['Зебо', 'Тахмина'], fathers: ['Хайрулло', 'Шариф', 'Рахим'], places: ['г. Куляб Республики Таджикистан', 'г. Бохтар Республики Таджикистан'] },
  },
  KZ: {
    tune: { surnames: ['Жумабаев', 'Нурланов', 'Серикбаев', 'Ахметов', 'Оспанов'], maleGiven: ['Ерлан', 'Нурсултан', 'Арман', 'Ержан'], femaleGiven: ['Аружан', 'Гульмира'], fathers: ['Серик', 'Марат', 'Болат'], places: ['г. Шымкент Республики Казахстан', 'г. Алма-Ата Казахской ССР'] },
    holdout: { surnames: ['Садыкбаев', 'Тулегенов', 'Байжанов', 'Есенов'], maleGiven: ['Дархан', 'Асхат', 'Бауыржан'], femaleGiven: ['Айгерим', 'Динара'], fathers: ['Бахыт', 'Нуржан', 'Ерлан'], places: ['г. Тараз Республики Казахстан', 'г. Кызылорда Республики Казахстан'] },
  },
  RU: {
    tune: { surnames: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов'], maleGiven: ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Михаил', 'Иван'], femaleGiven: ['Елена', 'Ольга', 'Наталья', 'Мария'], fathers: ['Александр', 'Виктор', 'Сергей', 'Николай'], places: ['г. Екатеринбург', 'г. Новосибирск', 'г. Челябинск'] },
    holdout: { surnames: ['Морозов', 'Волков', 'Лебедев', 'Новиков', 'Козлов'], maleGiven: ['Николай', 'Павел', 'Роман', 'Олег'], femaleGiven: ['Татьяна', 'Ирина', 'Светлана'], fathers: ['Владимир', 'Петр', 'Юрий'], places: ['г. Омск', 'г. Самара', 'г. Тверь'] },
  },
};

/** «Бек» → «Бекович» / «Бековна»; «Сергей» → «Сергеевич»; «Николай» → «Николаевич». */
export function patronymic(father: string, gender: 'm' | 'f'): string {
  const stem = /[ао]$/u.test(father) ? `${father}е` : /[ий]$/u.test(father) ? `${father.slice(0, -1)}е` : /[жшчщц]$/u.test(father) ? `${father}е` : `${father}о`;
  return `${stem}${gender === 'm' ? 'вич' : 'вна'}`;
}

function feminine(surname: string): string {
  return /(?:ов|ев|ин|ын)$/u.test(surname) ? `${surname}а` : surname;
}

function birthDate(choose: Chooser): string {
  const y = choose.int(1965, 2004);
  const m = choose.int(1, 12);
  const d = choose.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A person of a nationality; Kyrgyz and Kazakh names sometimes use «уулу»/«кызы». */
export function makePerson(choose: Chooser, nationality: Nationality, gender: 'm' | 'f', style: 'patronymic' | 'particle' = 'patronymic'): CorpusPerson {
  const list = LISTS[nationality][choose.split];
  const given = choose.pick(gender === 'm' ? list.maleGiven : list.femaleGiven);
  const father = choose.pick(list.fathers);
  const surname = choose.pick(list.surnames);
  const full =
    style === 'particle'
      ? `${father} ${gender === 'm' ? 'уулу' : 'кызы'} ${given}`
      : `${gender === 'm' ? surname : feminine(surname)} ${given} ${patronymic(father, gender)}`;
  return { full, gender, nationality, birthDate: birthDate(choose), birthPlace: choose.pick(list.places) };
}

export const STATE_GENITIVE: Record<Nationality, string[]> = {
  // Tune and holdout alternate through each list (see Chooser.variant).
  KG: ['Кыргызской Республики', 'Киргизской Республики', 'Республики Кыргызстан', 'Киргизии', 'КР', 'Кыргызстана'],
  UZ: ['Республики Узбекистан', 'Узбекистана'],
  TJ: ['Республики Таджикистан', 'Таджикистана'],
  KZ: ['Республики Казахстан', 'Казахстана'],
  RU: ['Российской Федерации', 'РФ'],
};
