// Criminal sentences (приговор): УК 322, 322.1, 322.3 (a Russian host, Kyrgyz registered persons),
// 327, 158 (sometimes two defendants), 228.
import type { CorpusLabel } from '../labels.ts';
import { declineName, shortName } from './decline.ts';
import type { GeneratedDoc } from './koap.ts';
import { makePerson, STATE_GENITIVE, type CorpusPerson, type Nationality } from './names.ts';
import { caseNumber, COURTS, headerClause, JUDGES, nameIn, spell, uid, writtenAmount, writtenDate, type PersonView } from './parts.ts';
import type { Chooser } from './random.ts';
import type { Trap } from './traps.ts';

interface CriminalCharge {
  article: string;
  part: string | null;
  item: string | null;
  text: (choose: Chooser) => string;
}

const CHARGES: Record<string, CriminalCharge> = {
  '322': { article: '322', part: '2', item: null, text: (c) => c.variant(['ч. 2 ст. 322 УК РФ', 'частью 2 статьи 322 Уголовного кодекса Российской Федерации']) },
  '322.1': { article: '322.1', part: '1', item: null, text: (c) => c.variant(['ч. 1 ст. 322.1 УК РФ', 'частью 1 статьи 322.1 УК РФ']) },
  '322.3': { article: '322.3', part: null, item: null, text: (c) => c.variant(['ст. 322.3 УК РФ', 'статьей 322.3 Уголовного кодекса Российской Федерации']) },
  '327': { article: '327', part: '3', item: null, text: (c) => c.variant(['ч. 3 ст. 327 УК РФ', 'частью 3 статьи 327 УК РФ']) },
  '158': { article: '158', part: '2', item: 'в', text: (c) => c.variant(['п. "в" ч. 2 ст. 158 УК РФ', 'пунктом "в" части 2 статьи 158 Уголовного кодекса Российской Федерации']) },
  '228': { article: '228', part: '1', item: null, text: (c) => c.variant(['ч. 1 ст. 228 УК РФ', 'частью 1 статьи 228 УК РФ']) },
};

const FACTS: Record<string, string> = {
  '322': 'будучи осведомленным о принятом в отношении него решении о неразрешении въезда в Российскую Федерацию, пересек Государственную границу Российской Федерации через пункт пропуска',
  '322.1': 'организовал незаконное пребывание иностранных граждан в Российской Федерации, предоставив им жилое помещение',
  '327': 'использовал заведомо поддельную миграционную карту, предъявив ее сотрудникам ОВМ',
  '158': 'тайно похитил принадлежащий потерпевшему мобильный телефон, причинив значительный ущерб',
  '228': 'незаконно приобрел и хранил без цели сбыта наркотическое средство в значительном размере',
};

const courtNominative = (genitive: string) => genitive.replace(/^(\S+)ского\s+/u, '$1ский ').replace(/^(\S+)ого\s+/u, '$1ий ').replace('районного суда', 'районный суд').replace('городского суда', 'городской суд');

function yearsWord(n: number): string {
  return n === 1 ? 'год' : n < 5 ? 'года' : 'лет';
}

function prisonTerm(choose: Chooser, months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [];
  if (y) parts.push(choose.variant([`${y} (${spell(y).replace(/^один$/u, 'один').replace(/^два$/u, 'два')}) ${yearsWord(y)}`, `${y} ${yearsWord(y)}`]));
  if (m) parts.push(choose.variant([`${m} (${spell(m)}) месяцев`.replace(/\(один\) месяцев/u, '(один) месяц'), `${m} месяцев`]));
  return parts.join(' ');
}

const REGIMES: [string, string][] = [
  ['в колонии-поселении', 'settlement'],
  ['в исправительной колонии общего режима', 'general'],
  ['в исправительной колонии строгого режима', 'strict'],
];

export function criminalSentence(choose: Chooser, article: keyof typeof CHARGES, nationality: Nationality, traps: Trap[]): GeneratedDoc {
  const year = choose.pick([2024, 2025, 2026]);
  const court = choose.pick(COURTS[choose.split]);
  const decisionDate = `${year}-${String(choose.int(1, 12)).padStart(2, '0')}-${String(choose.int(1, 28)).padStart(2, '0')}`;
  const charge = CHARGES[article]!;
  const hostCase = article === '322.3';
  const people: { person: CorpusPerson; view: PersonView }[] = [];
  const first = makePerson(choose, hostCase ? 'RU' : nationality, choose.chance(hostCase ? 0.5 : 0.15) ? 'f' : 'm', nationality === 'KG' && choose.chance(0.2) ? 'particle' : 'patronymic');
  if (traps.includes('ru_born_kg')) first.birthPlace = choose.pick(['г. Фрунзе Киргизской ССР', 'г. Ош Киргизской ССР']);
  people.push({ person: first, view: { person: first, depersonalised: choose.chance(0.2), nameStyle: / (?:уулу|кызы) /u.test(first.full) ? 'full' : choose.pick(['full', 'full', 'initials'] as const), citizenship: traps.includes('redacted') ? 'redacted' : 'stated', marker: 'ФИО1' } });
  if (article === '158' && choose.chance(0.35)) {
    const second = makePerson(choose, choose.pick(['UZ', 'TJ', 'KG', 'RU'] as const), 'm');
    people.push({ person: second, view: { person: second, depersonalised: people[0]!.view.depersonalised, nameStyle: 'full', citizenship: 'stated', marker: 'ФИО2' } });
  }
  const cite = charge.text(choose);
  const chargeLabel = { code: 'УК' as const, article: charge.article, part: charge.part, item: charge.item };
  const lines: string[] = [`Дело № ${caseNumber(choose, '1', year)}`];
  if (choose.chance(0.5)) lines.push(`УИД ${uid(choose, year)}`);
  lines.push('ПРИГОВОР', 'Именем Российской Федерации', `${writtenDate(choose, decisionDate)} ${court.city}`);
  const g0 = people[0]!.view;
  const interpreter = traps.includes('interpreter_kg') ? ', переводчика с киргизского языка ФИО7' : '';
  lines.push(`${courtNominative(court.name)} в составе председательствующего судьи ${choose.pick(JUDGES)}, при секретаре ФИО5, с участием государственного обвинителя - помощника прокурора ФИО6, ${people.map((p) => `${p.person.gender === 'f' ? 'подсудимой' : 'подсудимого'} ${nameIn(p.view, 'gen', true)}`).join(', ')}, защитника - адвоката ФИО8${interpreter},`);
  lines.push('рассмотрев в открытом судебном заседании уголовное дело в отношении');
  for (const p of people) {
    const prior = traps.includes('prior_conviction') && p === people[0] ? `ранее судим${p.person.gender === 'f' ? 'ой' : 'ого'}: ${choose.pick(['12.05.2019', '03.11.2020'])} приговором мирового судьи по ч. 1 ст. 158 УК РФ к 1 году лишения свободы условно` : `ранее не судим${p.person.gender === 'f' ? 'ой' : 'ого'}`;
    lines.push(`${headerClause(choose, p.view)}, ${prior}, обвиняем${p.person.gender === 'f' ? 'ой' : 'ого'} в совершении преступления, предусмотренного ${cite},`);
  }
  lines.push(choose.variant(['УСТАНОВИЛ:', 'у с т а н о в и л:']));
  const lead = nameIn(g0, 'nom', true);
  const others: CorpusLabel['others'] = [];
  if (hostCase) {
    const registered = makePerson(choose, 'KG', 'm');
    const state = choose.variant(STATE_GENITIVE.KG);
    const regShort = shortName(registered.full, 'm', 'gen');
    lines.push(choose.variant([
      `${lead}, являясь собственником квартиры по адресу: <адрес>, действуя умышленно, поставил${first.gender === 'f' ? 'а' : ''} на миграционный учет по месту пребывания гражданина ${state} ${regShort} и иных иностранных граждан, не намереваясь предоставлять им жилое помещение.`,
      `${lead} осуществил${first.gender === 'f' ? 'а' : ''} фиктивную постановку на учет граждан ${state} ФИО2, ФИО3 и ФИО4 по месту пребывания в жилом помещении.`,
      `${lead} за денежное вознаграждение зарегистрировал${first.gender === 'f' ? 'а' : ''} по месту пребывания гражданина ${state} ${regShort}, который по указанному адресу фактически не проживал.`,
      `${lead}, будучи нанимателем жилого помещения, фиктивно поставил${first.gender === 'f' ? 'а' : ''} на учет иностранных граждан - граждан ${state} в количестве 5 человек.`,
    ]));
    others.push({ name: registered.full, role: 'registered', citizenship: 'KG' });
  } else {
    lines.push(`${lead} ${FACTS[article]}.`);
  }
  if (traps.includes('victim_kg')) {
    const victim = makePerson(choose, 'KG', 'm');
    lines.push(`Потерпевший ${shortName(victim.full, 'm', 'nom')}, гражданин ${choose.variant(STATE_GENITIVE.KG)}, в судебное заседание не явился, просил рассмотреть дело в его отсутствие.`);
    others.push({ name: victim.full, role: 'victim', citizenship: 'KG' });
  }
  if (traps.includes('witness_kg')) lines.push(`Допрошенный в качестве свидетеля гражданин ${choose.variant(STATE_GENITIVE.KG)} ${shortName(makePerson(choose, 'KG', 'm').full, 'm', 'nom')} подтвердил обстоятельства дела.`);
  lines.push(`Подсудим${first.gender === 'f' ? 'ая' : 'ый'} ${lead} вину в совершении преступления признал${first.gender === 'f' ? 'а' : ''} полностью.`);
  lines.push(`Действия ${people.map((p) => nameIn(p.view, 'gen', true)).join(' и ')} суд квалифицирует по ${cite}.`);
  lines.push(`Обстоятельствами, смягчающими наказание, суд признает полное признание вины, раскаяние в содеянном. Оснований для применения ч. 6 ст. 15, ст. 64 УК РФ суд не усматривает.`);
  lines.push(`На основании изложенного, руководствуясь ст.ст. 303, 304, 307-309 УПК РФ, суд`);
  lines.push(choose.variant(['ПРИГОВОРИЛ:', 'п р и г о в о р и л:']));
  const outcomes: CorpusLabel['outcomes'] = [];
  for (const p of people) {
    const guilty = p.person.gender === 'f' ? 'виновной' : 'виновным';
    const who = choose.variant([`${nameIn(p.view, 'acc')} признать ${guilty}`, `Признать ${nameIn(p.view, 'acc')} ${guilty}`]);
    const fine = hostCase || article === '327' ? choose.chance(0.6) : false;
    let penalty: string;
    let tail = '';
    if (fine) {
      const amount = choose.pick(hostCase ? [100000, 150000, 200000] : [10000, 20000, 30000]);
      penalty = `штрафа в размере ${writtenAmount(choose, amount)} рублей`;
      outcomes.push({ kind: 'fine', amountRub: amount });
    } else {
      const months = choose.pick([6, 8, 10, 12, 18, 24, 30, 36]);
      const suspended = choose.chance(0.4);
      const [regimeText, regime] = choose.pick(REGIMES);
      penalty = choose.variant([`лишения свободы на срок ${prisonTerm(choose, months)}`, `${prisonTerm(choose, months)} лишения свободы`]);
      if (suspended) {
        const probation = choose.pick([12, 18, 24]);
        tail = ` В соответствии со ст. 73 УК РФ назначенное наказание считать условным с испытательным сроком ${prisonTerm(choose, probation)}.`;
        outcomes.push({ kind: 'imprisonment', months }, { kind: 'suspended', months: probation });
      } else {
        penalty += ` с отбыванием наказания ${regimeText}`;
        outcomes.push({ kind: 'imprisonment', months, regime });
      }
    }
    lines.push(`${who} в совершении преступления, предусмотренного ${cite}, и назначить ${p.person.gender === 'f' ? 'ей' : 'ему'} наказание в виде ${penalty}.${tail}`);
  }
  lines.push('Меру пресечения до вступления приговора в законную силу оставить прежней.');
  lines.push(`Приговор может быть обжалован в апелляционном порядке в ${court.higher} в течение 15 суток со дня его провозглашения.`);
  const defendants = people.map((p) => {
    const kg = p.person.nationality === 'KG';
    const flag = kg ? (p.view.citizenship === 'stated' ? 'yes' : p.view.depersonalised ? 'no' : 'possible') : 'no';
    const words = p.person.full.split(' ');
    const name = p.view.depersonalised ? null : p.view.nameStyle === 'initials' ? `${words[0]} ${words.slice(1).map((w) => `${w.charAt(0)}.`).join('')}` : p.person.full;
    return { name, kyrgyzFlag: flag as 'yes' | 'possible' | 'no', citizenship: p.view.citizenship === 'stated' ? p.person.nationality : null, gender: p.person.gender };
  });
  return {
    text: lines.join('\n'),
    label: {
      caseType: 'criminal',
      caseFlag: defendants.some((d) => d.kyrgyzFlag === 'yes') ? 'yes' : defendants.some((d) => d.kyrgyzFlag === 'possible') ? 'possible' : 'no',
      defendants,
      others,
      charges: [chargeLabel],
      outcomes,
      traps,
    },
  };
}

export { declineName };
