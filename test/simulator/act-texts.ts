// Decision texts written the way district courts write them: КоАП rulings (fine, expulsion,
// placement in a ЦВСИГ) and criminal sentences under ст. 322 УК РФ, depersonalised the way the
// sites publish them (initials, ДД.ММ.ГГГГ, <адрес>). Traps for the pipeline are part of the
// texts: an interpreter from Kyrgyz for a non-Kyrgyz accused, Kyrgyz workers of a Russian employer.
import { citizenshipGenitive, depersonalisedInitials, type SimulatedPerson } from './names.ts';

export interface ActFacts {
  caseNumber: string;
  caseUid: string;
  courtName: string;
  judge: string;
  article: string;
  part: string | null;
  person: SimulatedPerson;
  receivedDate: string;
  decisionDate: string;
  fineRub: number | null;
  expulsion: 'forced' | 'self' | null;
  /** Criminal sentences: months of imprisonment (null: a fine). */
  prisonMonths: number | null;
  traps: { interpreterFromKyrgyz: boolean; kyrgyzWorkers: boolean };
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const longDate = (iso: string) => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)} года`;
const ru = (iso: string) => iso.split('-').reverse().join('.');
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
const FINE_WORDS: Record<number, string> = { 2000: 'двух тысяч', 3000: 'трех тысяч', 5000: 'пяти тысяч', 7000: 'семи тысяч', 40000: 'сорока тысяч', 400000: 'четырехсот тысяч' };

/** «Ленинский районный суд г. Москвы» → «Ленинского районного суда г. Москвы», as in «Судья … суда». */
export function courtGenitive(name: string): string {
  return name
    .replace(/^(\S+?)(ий|ый|ой)(?=\s)/, '$1ого')
    .replace('районный суд', 'районного суда')
    .replace('городской суд', 'городского суда');
}

/** Gendered word forms: «гражданина/гражданки», «уроженца/уроженки», «виновным/виновной», «ему/ей». */
function forms(person: SimulatedPerson) {
  const f = person.gender === 'f';
  return { citizen: f ? 'гражданки' : 'гражданина', citizenNominative: f ? 'гражданка' : 'гражданин', native: f ? 'уроженки' : 'уроженца', guilty: f ? 'виновной' : 'виновным', him: f ? 'ей' : 'ему', who: f ? 'которая' : 'который', living: f ? 'проживающей' : 'проживающего' };
}

function penaltyOf(facts: ActFacts): string {
  const fine = facts.fineRub ? `административного штрафа в размере ${facts.fineRub} (${FINE_WORDS[facts.fineRub] ?? ''}) рублей` : 'административного штрафа';
  if (facts.expulsion === 'forced') return `${fine} с административным выдворением за пределы Российской Федерации в форме принудительного выдворения`;
  if (facts.expulsion === 'self') return `${fine} с административным выдворением за пределы Российской Федерации в форме контролируемого самостоятельного выезда`;
  return `${fine} без административного выдворения за пределы Российской Федерации`;
}

function koapDeed(facts: ActFacts, citizenship: string): string {
  const { person } = facts;
  const w = forms(person);
  if (facts.article === '18.10') return `${w.citizenNominative} ${citizenship} ${person.surname} ${person.firstName}, ${w.who} осуществлял${person.gender === 'f' ? 'а' : ''} трудовую деятельность в качестве подсобного рабочего на объекте по адресу: <адрес>, не имея патента, выданного в установленном порядке`;
  if (facts.article === '18.15') {
    const workers = facts.traps.kyrgyzWorkers ? 'гражданина Кыргызской Республики Б.Н.А. и гражданина Республики Таджикистан С.Ф.И.' : 'гражданина Республики Узбекистан К.Ш.Р.';
    return `${person.surname} ${person.firstName}, являясь работодателем, привлек к трудовой деятельности ${workers} при отсутствии у них патентов`;
  }
  return `${w.citizenNominative} ${citizenship} ${person.surname} ${person.firstName}, ${w.who} уклонил${person.gender === 'f' ? 'ась' : 'ся'} от выезда из Российской Федерации по истечении определенного срока пребывания, чем нарушил${person.gender === 'f' ? 'а' : ''} требования ст. 5 Федерального закона от 25.07.2002 № 115-ФЗ «О правовом положении иностранных граждан в Российской Федерации»`;
}

export function koapAct(facts: ActFacts): string {
  const { person } = facts;
  const w = forms(person);
  const citizenship = citizenshipGenitive[person.citizenship];
  const origin = person.citizenship === 'RU' ? `${w.native} ${person.birthPlace}` : `${w.native} ${person.birthPlace}, ${w.citizen} ${citizenship}`;
  const interpreter = facts.traps.interpreterFromKyrgyz ? ' с участием переводчика с киргизского языка <данные изъяты>,' : '';
  const charge = `ч. ${facts.part} ст. ${facts.article} КоАП РФ`;
  return [
    `Дело № ${facts.caseNumber}`,
    `УИД ${facts.caseUid}`,
    'ПОСТАНОВЛЕНИЕ',
    'по делу об административном правонарушении',
    `${longDate(facts.decisionDate)} <адрес>`,
    `Судья ${courtGenitive(facts.courtName)} ${facts.judge},${interpreter} рассмотрев дело об административном правонарушении, предусмотренном ${charge}, в отношении ${person.genitive}, ${ru(person.birthDate)} года рождения, ${origin}, ${w.living} по адресу: <адрес>,`,
    'УСТАНОВИЛ:',
    `${ru(addDays(facts.receivedDate, -2))} в 10 час. 30 мин. по адресу: <адрес> выявлен${person.gender === 'f' ? 'а' : ''} ${koapDeed(facts, citizenship)}.`,
    `В судебном заседании ${person.surname} ${person.firstName} вину признал${person.gender === 'f' ? 'а' : ''}, в содеянном раскаял${person.gender === 'f' ? 'ась' : 'ся'}.`,
    'Руководствуясь ст.ст. 29.9, 29.10 КоАП РФ, судья',
    'ПОСТАНОВИЛ:',
    `Признать ${person.genitive} ${w.guilty} в совершении административного правонарушения, предусмотренного ${charge}, и назначить ${w.him} наказание в виде ${penaltyOf(facts)}.`,
    facts.expulsion === 'forced' ? `До исполнения постановления в части административного выдворения поместить ${person.genitive} в Центр временного содержания иностранных граждан ГУ МВД России.` : '',
    'Постановление может быть обжаловано в течение 10 суток со дня вручения или получения копии постановления.',
    `Судья ${facts.judge}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** A sentence under ст. 322 УК РФ; the accused appears by initials only, as published. */
export function criminalAct(facts: ActFacts): string {
  const { person } = facts;
  const w = forms(person);
  const initials = depersonalisedInitials(person);
  const citizenship = citizenshipGenitive[person.citizenship];
  const charge = `ч. ${facts.part} ст. ${facts.article} УК РФ`;
  const punishment = facts.prisonMonths
    ? `в виде лишения свободы на срок ${facts.prisonMonths} месяцев с отбыванием наказания в колонии-поселении`
    : `в виде штрафа в размере ${facts.fineRub} (${FINE_WORDS[facts.fineRub ?? 0] ?? ''}) рублей`;
  return [
    `Дело № ${facts.caseNumber}`,
    `УИД ${facts.caseUid}`,
    'ПРИГОВОР',
    'Именем Российской Федерации',
    `${longDate(facts.decisionDate)} <адрес>`,
    `${facts.courtName} в составе председательствующего судьи ${facts.judge}, при секретаре <данные изъяты>, с участием государственного обвинителя <данные изъяты>, подсудим${person.gender === 'f' ? 'ой' : 'ого'} ${initials}, защитника – адвоката <данные изъяты>,`,
    `рассмотрев в открытом судебном заседании уголовное дело в отношении ${initials}, ДД.ММ.ГГГГ года рождения, ${w.native} ${person.birthPlace}, ${w.citizen} ${citizenship}, не судим${person.gender === 'f' ? 'ой' : 'ого'}, обвиняем${person.gender === 'f' ? 'ой' : 'ого'} в совершении преступления, предусмотренного ${charge},`,
    'УСТАНОВИЛ:',
    `${initials}, в отношении которого решением ГУ МВД России от ДД.ММ.ГГГГ принято решение о неразрешении въезда в Российскую Федерацию, достоверно зная об этом, ДД.ММ.ГГГГ пересек Государственную границу Российской Федерации при въезде через пункт пропуска <адрес>.`,
    'На основании изложенного, руководствуясь ст.ст. 307-309 УПК РФ, суд',
    'ПРИГОВОРИЛ:',
    `Признать ${initials} ${w.guilty} в совершении преступления, предусмотренного ${charge}, и назначить ${w.him} наказание ${punishment}.`,
    'Приговор может быть обжалован в апелляционном порядке в течение 15 суток со дня его провозглашения.',
    `Председательствующий ${facts.judge}`,
  ].join('\n');
}
