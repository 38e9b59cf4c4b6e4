// Pieces shared by the document templates: courts, dates, numbers in words, a person's header
// clause in its many orders, depersonalisation.
import { declineName, shortName, type NameCase } from './decline.ts';
import { STATE_GENITIVE, type CorpusPerson } from './names.ts';
import type { Chooser } from './random.ts';

export const COURTS = {
  tune: [
    { name: 'Головинского районного суда г. Москвы', city: 'г. Москва', region: 'moscow', higher: 'Московский городской суд' },
    { name: 'Верх-Исетского районного суда г. Екатеринбурга', city: 'г. Екатеринбург', region: 'other', higher: 'Свердловский областной суд' },
    { name: 'Красногорского городского суда Московской области', city: 'г. Красногорск', region: 'moscow', higher: 'Московский областной суд' },
    { name: 'Октябрьского районного суда г. Новосибирска', city: 'г. Новосибирск', region: 'other', higher: 'Новосибирский областной суд' },
  ],
  holdout: [
    { name: 'Невского районного суда Санкт-Петербурга', city: 'Санкт-Петербург', region: 'moscow', higher: 'Санкт-Петербургский городской суд' },
    { name: 'Советского районного суда г. Казани', city: 'г. Казань', region: 'other', higher: 'Верховный Суд Республики Татарстан' },
    { name: 'Измайловского районного суда г. Москвы', city: 'г. Москва', region: 'moscow', higher: 'Московский городской суд' },
    { name: 'Ленинского районного суда г. Красноярска', city: 'г. Красноярск', region: 'other', higher: 'Красноярский краевой суд' },
  ],
};
export type Court = (typeof COURTS)['tune'][number];

export const JUDGES = ['Иванова И.И.', 'Петров П.П.', 'Сидорова А.В.', 'Кузьмин Д.А.', 'Белова Е.С.', 'Гончаров В.Н.'];
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export const numericDate = (isoDate: string) => isoDate.split('-').reverse().join('.');
export function wordedDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${String(d).padStart(2, '0')} ${MONTHS[m! - 1]} ${y} года`;
}
export function writtenDate(choose: Chooser, isoDate: string): string {
  return choose.variant([wordedDate(isoDate), `${numericDate(isoDate)} года`, wordedDate(isoDate).replace(/^0/, ''), numericDate(isoDate)]);
}

const ONES = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

function under1000(n: number, feminine: boolean): string[] {
  const words = [HUNDREDS[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest < 20) words.push(ONES[rest]!);
  else words.push(TENS[Math.floor(rest / 10)]!, ONES[rest % 10]!);
  return words.filter(Boolean).map((w) => (feminine ? w.replace(/^один$/u, 'одна').replace(/^два$/u, 'две') : w));
}

/** 250000 → «двести пятьдесят тысяч» (nominative, as in «2000 (две тысячи) рублей»). */
export function spell(n: number): string {
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands > 0) {
    const last = thousands % 10;
    const teen = thousands % 100 >= 11 && thousands % 100 <= 19;
    words.push(...under1000(thousands, true), teen || last === 0 || last >= 5 ? 'тысяч' : last === 1 ? 'тысяча' : 'тысячи');
  }
  words.push(...under1000(n % 1000, false));
  return words.join(' ');
}

/** «5 000» / «5000» / «5000 (пять тысяч)»: how amounts are written. */
export function writtenAmount(choose: Chooser, n: number): string {
  const grouped = n >= 10000 || choose.chance(0.5) ? n.toLocaleString('ru-RU').replace(/\u00a0/g, ' ') : String(n);
  return choose.variant([`${grouped} (${spell(n)})`, grouped, `${String(n)} (${spell(n)})`, `${grouped},00`]);
}

export interface PersonView {
  person: CorpusPerson | null; // null for an organisation
  depersonalised: boolean;
  nameStyle: 'full' | 'initials' | 'upper';
  /** How the act states citizenship: the state, redacted, none, or «лицо без гражданства». */
  citizenship: 'stated' | 'redacted' | 'none' | 'stateless';
  marker: string; // «ФИО1»
}

const f = (p: CorpusPerson, male: string, female: string) => (p.gender === 'm' ? male : female);

/** The name in a case, as this act writes it. */
export function nameIn(view: PersonView, c: NameCase, short = false): string {
  const p = view.person!;
  if (view.depersonalised) return view.marker;
  if (view.nameStyle === 'initials' || short) return shortName(p.full, p.gender, c);
  const declined = declineName(p.full, p.gender, c);
  if (view.nameStyle === 'upper') {
    const [first, ...rest] = declined.split(' ');
    return [first!.toUpperCase(), ...rest].join(' ');
  }
  return declined;
}

export function stateOf(choose: Chooser, view: PersonView): string {
  if (view.citizenship === 'redacted') return '<данные изъяты>';
  return choose.variant(STATE_GENITIVE[view.person!.nationality]);
}

/** «Мамытова А.Б., ДД.ММ.ГГГГ года рождения, уроженца …, гражданина …» in one of several orders. */
export function headerClause(choose: Chooser, view: PersonView): string {
  const p = view.person!;
  const name = nameIn(view, 'gen');
  const born = view.depersonalised ? 'ДД.ММ.ГГГГ' : numericDate(p.birthDate);
  const place = view.depersonalised ? choose.pick(['<адрес>', '<данные изъяты>']) : p.birthPlace;
  const bornPhrase = choose.variant([`${born} года рождения`, `${born} г.р.`, `${born} года рождения`, `родивш${f(p, 'егося', 'ейся')} ${born}`]);
  const citizen = f(p, 'гражданина', 'гражданки');
  const state = view.citizenship === 'stateless' ? null : view.citizenship === 'none' ? null : stateOf(choose, view);
  const citizenship = view.citizenship === 'stateless' ? 'лица без гражданства' : state ? `${citizen} ${state}` : null;
  const origin = `${f(p, 'уроженца', 'уроженки')} ${place}`;
  const living = choose.pick([
    `проживающ${f(p, 'его', 'ей')} по адресу: <адрес>`,
    `регистрации на территории Российской Федерации не имеющ${f(p, 'его', 'ей')}`,
    `временно пребывающ${f(p, 'его', 'ей')} на территории Российской Федерации`,
    `не работающ${f(p, 'его', 'ей')}, ${f(p, 'холостого', 'не замужней')}`,
  ]);
  const prior = `ранее к административной ответственности не привлекавш${f(p, 'егося', 'ейся')}`;
  const order = choose.variant([0, 1, 2, 3, 4, 5]);
  const parts =
    order === 0 ? [name, bornPhrase, origin, citizenship, living, prior]
    : order === 1 ? [citizenship ? `${citizenship} ${name}` : name, bornPhrase, origin, living]
    : order === 2 ? [name, bornPhrase, citizenship, origin, living]
    : order === 3 ? [name, citizenship ? `являющ${f(p, 'егося', 'ейся')} ${citizenship === 'лица без гражданства' ? 'лицом без гражданства' : `${f(p, 'гражданином', 'гражданкой')} ${state}`}` : null, bornPhrase, origin, living]
    : order === 4 ? [name, `${bornPhrase}`, `место рождения: ${place}`, citizenship, living]
    : [`${name} (${[bornPhrase, origin, citizenship].filter(Boolean).join(', ')})`, living, prior];
  return parts.filter(Boolean).join(', ');
}

export function caseNumber(choose: Chooser, prefix: string, year: number): string {
  return `${prefix}-${choose.int(10, 2999)}/${year}`;
}

export function uid(choose: Chooser, year: number): string {
  return `${choose.int(10, 99)}RS00${choose.int(10, 99)}-01-${year}-00${choose.int(1000, 9999)}-${choose.int(10, 99)}`;
}
