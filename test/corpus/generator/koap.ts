// КоАП first-instance rulings: 18.8 (all parts), 18.10, 20.25 for a foreign citizen, and 18.15
// for an employer whose foreign workers are only mentioned.
import type { CorpusLabel } from '../labels.ts';
import { makePerson, type Nationality } from './names.ts';
import { caseNumber, COURTS, spell, headerClause, JUDGES, nameIn, numericDate, stateOf, uid, writtenAmount, writtenDate, type Court, type PersonView } from './parts.ts';
import type { Chooser } from './random.ts';
import { witnessParagraph, type Trap } from './traps.ts';

export type GeneratedDoc = { text: string; label: Omit<CorpusLabel, 'id' | 'split' | 'source'> };

const g = (view: PersonView, male: string, female: string) => (view.person?.gender === 'f' ? female : male);

/** The event sentences are written for a man: «нарушил» → «нарушила», «уклонился» → «уклонилась». */
function feminine(view: PersonView, sentence: string): string {
  if (view.person?.gender !== 'f') return sentence;
  return sentence.replace(/([а-я]+)л(ся)?(?=[\s,.]|$)/gu, (_m, stem: string, reflexive?: string) => `${stem}ла${reflexive ? 'сь' : ''}`);
}

function cite(choose: Chooser, part: string | null, article: string): string {
  const p = part ? choose.variant([`ч. ${part} ст. ${article} КоАП РФ`, `частью ${part} статьи ${article} Кодекса Российской Федерации об административных правонарушениях`, `ч.${part} ст.${article} КоАП РФ`, `ч. ${part} ст. ${article} Кодекса РФ об административных правонарушениях`]) : `ст. ${article} КоАП РФ`;
  return p;
}

const EVENTS: Record<string, string[]> = {
  '18.8|1': ['находясь на территории Российской Федерации, не имел документов, подтверждающих право на пребывание (проживание) в Российской Федерации', 'нарушил режим пребывания в Российской Федерации, выразившийся в отсутствии документов, подтверждающих право на пребывание'],
  '18.8|1.1': ['по истечении определенного срока пребывания уклонился от выезда из Российской Федерации', 'въехав на территорию Российской Федерации в порядке, не требующем получения визы, по истечении 90 суток не выехал из Российской Федерации'],
  '18.8|2': ['нарушил правила въезда в Российскую Федерацию, выразившиеся в несоответствии заявленной цели въезда фактически осуществляемой деятельности', 'въехал в Российскую Федерацию с заявленной целью «частная», однако фактически осуществлял иную деятельность'],
  '18.8|3': ['не имея документов, подтверждающих право на пребывание, находился в г. Москве', 'находился на территории г. Москвы с нарушением режима пребывания'],
  '18.8|3.1': ['по истечении срока пребывания уклонился от выезда из Российской Федерации, находясь в г. Москве', 'уклонился от выезда из Российской Федерации по истечении определенного срока пребывания, находясь в Санкт-Петербурге'],
  '18.8|4': ['повторно в течение одного года совершил нарушение режима пребывания в Российской Федерации', 'повторно нарушил правила пребывания в Российской Федерации'],
  '18.10|1': ['осуществлял трудовую деятельность в качестве подсобного рабочего, не имея патента', 'осуществлял трудовую деятельность в качестве разнорабочего на строительном объекте без разрешения на работу'],
  '18.10|2': ['осуществлял трудовую деятельность в г. Москве в качестве продавца без патента', 'осуществлял трудовую деятельность на территории Московской области, не имея патента'],
};

function expulsionPhrase(choose: Chooser, kind: string): string {
  if (kind === 'expulsion_forced') return choose.variant(['с административным выдворением за пределы Российской Федерации в форме принудительного выдворения', 'с принудительным административным выдворением за пределы Российской Федерации', 'с административным выдворением за пределы РФ в форме принудительного выдворения', 'с административным выдворением за пределы Российской Федерации путем принудительного выдворения']);
  if (kind === 'expulsion_self') return choose.variant(['с административным выдворением за пределы Российской Федерации в форме контролируемого самостоятельного выезда из Российской Федерации', 'с административным выдворением за пределы РФ в форме контролируемого самостоятельного выезда', 'с административным выдворением в форме контролируемого самостоятельного выезда за пределы Российской Федерации', 'с выдворением за пределы Российской Федерации путем контролируемого самостоятельного выезда']);
  return choose.variant(['без административного выдворения за пределы Российской Федерации', 'без назначения дополнительного наказания в виде административного выдворения', 'без административного выдворения', 'без выдворения за пределы Российской Федерации']);
}

/** A foreign citizen charged under 18.8 / 18.10 / 20.25. */
export function foreignerRuling(choose: Chooser, nationality: Nationality, traps: Trap[]): GeneratedDoc {
  const year = choose.pick([2024, 2025, 2026]);
  const court: Court = choose.pick(COURTS[choose.split]);
  const article = choose.pick(['18.8', '18.8', '18.8', '18.10', '20.25']);
  const part = article === '18.8' ? choose.pick(['1', '1.1', '2', '3', '3.1', '4']) : article === '18.10' ? choose.pick(['1', '2']) : choose.pick(['1', '3']);
  const gender = choose.chance(0.25) ? 'f' : 'm';
  const particle = nationality === 'KG' || (nationality === 'KZ' && traps.includes('kazakh_particle')) ? choose.chance(0.3) : false;
  const person = makePerson(choose, nationality, gender, particle ? 'particle' : 'patronymic');
  const depersonalised = !traps.includes('weak_only') && choose.chance(0.25);
  const view: PersonView = {
    person,
    depersonalised,
    nameStyle: particle ? 'full' : choose.pick(['full', 'full', 'initials', 'upper'] as const),
    citizenship: traps.includes('redacted') ? 'redacted' : traps.includes('weak_only') ? choose.pick(['none', 'stateless'] as const) : 'stated',
    marker: 'ФИО1',
  };
  const decisionDate = `${year}-${String(choose.int(1, 12)).padStart(2, '0')}-${String(choose.int(1, 28)).padStart(2, '0')}`;
  const charge = { code: 'КоАП' as const, article, part, item: null };
  const outcomes: CorpusLabel['outcomes'] = [];
  const fineMin = article === '20.25' ? 1000 : part === '3' || part === '3.1' || part === '4' || (article === '18.10' && part === '2') ? 5000 : 2000;
  const useArrest = article === '20.25' && part === '1' && choose.chance(0.4);
  const amount = choose.pick([fineMin, fineMin + 500, fineMin + 1000, fineMin + 2000, fineMin * 2]);
  if (useArrest) outcomes.push({ kind: 'arrest', days: choose.pick([3, 5, 10, 15]) });
  else outcomes.push({ kind: 'fine', amountRub: amount });
  const expulsion = useArrest ? null : article === '20.25' && part === '1' ? null : choose.pick(['expulsion_forced', 'expulsion_self', 'expulsion_forced', 'no_expulsion']);
  if (expulsion) outcomes.push({ kind: expulsion });
  const detention = expulsion === 'expulsion_forced' && choose.chance(0.7) ? choose.pick([null, 90, 60]) : undefined;
  if (detention !== undefined) outcomes.push(detention ? { kind: 'detention_center', days: detention } : { kind: 'detention_center' });

  const short = (c: 'nom' | 'gen' | 'dat' | 'acc' | 'ins') => nameIn(view, c, true);
  const citeText = cite(choose, part, article);
  const lines: string[] = [];
  lines.push(choose.variant([`Дело № ${caseNumber(choose, '5', year)}`, `№ ${caseNumber(choose, '5', year)}`]));
  if (choose.chance(0.5)) lines.push(`УИД ${uid(choose, year)}`);
  lines.push(choose.variant(['ПОСТАНОВЛЕНИЕ', 'П О С Т А Н О В Л Е Н И Е']));
  lines.push(choose.variant(['по делу об административном правонарушении', 'о назначении административного наказания']));
  lines.push(choose.variant([`${writtenDate(choose, decisionDate)} ${court.city}`, `${court.city} ${writtenDate(choose, decisionDate)}`]));
  const interpreter = traps.includes('interpreter_kg') ? `, с участием переводчика с киргизского языка ${choose.pick(['ФИО2', 'Абдыкадырова Н.Т.', 'Сатыбалдиевой А.К.'])}` : choose.chance(0.3) ? `, с участием переводчика ${choose.pick(['ФИО3', 'Рахимовой Д.Ш.'])}` : '';
  lines.push(
    `Судья ${court.name} ${choose.pick(JUDGES)}${interpreter}, ${choose.variant(['рассмотрев в открытом судебном заседании', 'рассмотрев', 'рассмотрев в помещении суда'])} дело об административном правонарушении, предусмотренном ${citeText}, в отношении ${headerClause(choose, view)},`,
  );
  lines.push(choose.variant(['УСТАНОВИЛ:', 'у с т а н о в и л:']));
  const eventKey = article === '20.25' ? '' : `${article}|${part}`;
  const when = numericDate(decisionDate.replace(/-\d\d$/, '-01'));
  const state = view.citizenship === 'stated' ? stateOf(choose, view) : null;
  if (article === '20.25') {
    const earlier = `постановлением ${choose.pick(['судьи', 'должностного лица ОВМ'])} от ${numericDate(`${year - 1}-11-10`)} ${short('nom')} ${g(view, 'был привлечен', 'была привлечена')} к административной ответственности по ч. 1.1 ст. 18.8 КоАП РФ`;
    lines.push(part === '1'
      ? `Установлено, что ${earlier} с назначением наказания в виде административного штрафа в размере 2000 рублей. Постановление вступило в законную силу, однако в установленный ст. 32.2 КоАП РФ срок штраф ${g(view, 'им', 'ею')} не уплачен.`
      : `Установлено, что ${earlier} с административным выдворением за пределы Российской Федерации в форме контролируемого самостоятельного выезда. В установленный срок ${short('nom')} из Российской Федерации не ${g(view, 'выехал', 'выехала')}, уклонившись от исполнения назначенного наказания.`);
  } else {
    const subject = state && choose.chance(0.6) ? `${g(view, 'гражданин', 'гражданка')} ${state} ${short('nom')}` : short('nom');
    lines.push(`${when} в ${choose.int(8, 21)} час. ${choose.int(10, 59)} мин. по адресу: <адрес> ${choose.variant(['сотрудниками ОВМ', 'сотрудниками полиции', 'в ходе проверочных мероприятий'])} ${g(view, 'выявлен', 'выявлена')} ${subject}, ${g(view, 'который', 'которая')} ${feminine(view, choose.pick(EVENTS[eventKey]!))}, чем ${g(view, 'нарушил', 'нарушила')} требования Федерального закона от 25.07.2002 № 115-ФЗ "О правовом положении иностранных граждан в Российской Федерации".`);
  }
  if (traps.includes('travel_kg')) lines.push(`Со слов ${short('gen')}, ${g(view, 'он', 'она')} ${choose.variant(['намеревался выехать в г. Бишкек', 'приобрел авиабилет по маршруту Москва - Ош', 'собирался уехать к родственникам в г. Ош', 'планировал выезд в Кыргызстан транзитом через г. Бишкек'])}, однако не успел${g(view, '', 'а')} этого сделать.`);
  lines.push(`В судебном заседании ${short('nom')} вину ${g(view, 'признал', 'признала')}, в содеянном ${g(view, 'раскаялся', 'раскаялась')}.`);
  const passport = state && choose.chance(0.4) ? `, копией паспорта ${g(view, 'гражданина', 'гражданки')} ${state}` : ', копией паспорта';
  lines.push(`Вина ${short('gen')} подтверждается: протоколом об административном правонарушении от ${when}, рапортом сотрудника полиции, письменными объяснениями${passport}, сведениями АС ЦБДУИГ.`);
  if (traps.includes('witness_kg')) lines.push(witnessParagraph(choose));
  lines.push(`Действия ${short('gen')} суд квалифицирует по ${citeText}.`);
  lines.push(`Санкция ${citeText.replace(/^частью/, 'части')} предусматривает наказание в виде административного штрафа в размере от ${fineMin} до ${fineMin + 3000} рублей с административным выдворением за пределы Российской Федерации${article === '20.25' ? ' либо административный арест на срок до пятнадцати суток' : ''}.`);
  if (expulsion === 'no_expulsion') lines.push(`Учитывая, что на территории Российской Федерации проживает ${g(view, 'супруга', 'супруг')} ${short('gen')} - ${g(view, 'гражданка', 'гражданин')} Российской Федерации, суд полагает возможным не назначать административное выдворение.`);
  lines.push(`На основании изложенного, руководствуясь ${choose.variant(['ст.ст. 29.9, 29.10 КоАП РФ', 'статьями 29.9 - 29.11 Кодекса Российской Федерации об административных правонарушениях', 'ст. 29.9, 29.10 КоАП РФ', 'ст. ст. 29.7, 29.9, 29.10 КоАП РФ'])}, судья`);
  lines.push(choose.variant(['ПОСТАНОВИЛ:', 'п о с т а н о в и л:']));
  const guilty = g(view, 'виновным', 'виновной');
  const born = depersonalised ? 'ДД.ММ.ГГГГ' : numericDate(person.birthDate);
  const who = choose.variant([
    `Признать ${nameIn(view, 'acc')} ${guilty}`,
    `${nameIn(view, 'acc')} признать ${guilty}`,
    state ? `Признать ${g(view, 'гражданина', 'гражданку')} ${state} ${nameIn(view, 'acc')} ${guilty}` : `Признать ${nameIn(view, 'acc')} ${guilty}`,
    `Признать ${nameIn(view, 'acc')}, ${born} года рождения, ${guilty}`,
  ]);
  const penalty = useArrest
    ? `административного ареста на срок ${outcomes[0]!.days} ${choose.variant(['', `(${spell(outcomes[0]!.days!)}) `])}суток`
    : `административного штрафа в размере ${writtenAmount(choose, amount)} рублей${expulsion ? ` ${expulsionPhrase(choose, expulsion)}` : ''}`;
  lines.push(`${who} в совершении административного правонарушения, предусмотренного ${citeText}, и назначить ${g(view, 'ему', 'ей')} наказание в виде ${penalty}.`);
  if (detention !== undefined) {
    const centre = choose.variant(['Центр временного содержания иностранных граждан ГУ МВД России', 'ЦВСИГ ГУ МВД России', 'специальное учреждение временного содержания иностранных граждан', 'ФКУ ЦВСИГ МВД России']);
    const term = detention ? choose.variant([` на срок до ${detention} суток`, ` на срок не более ${detention} суток`, ` на срок до ${detention} (${detention === 90 ? 'девяноста' : 'шестидесяти'}) суток`]) : '';
    lines.push(`До исполнения постановления в части административного выдворения поместить ${short('acc')} в ${centre}${term}.`);
  }
  if (!useArrest) lines.push(`Штраф подлежит уплате по реквизитам: получатель УФК по г. Москве (ГУ МВД России), ИНН 7707089101, КПП 770731005, р/с 03100643000000017300, БИК 004525988, ОКТМО 45000000, КБК 18811601181019000140, УИН 18891779900${choose.int(100000, 999999)}.`);
  lines.push('Разъяснить, что в соответствии с ч. 1 ст. 20.25 КоАП РФ неуплата административного штрафа в срок влечет наложение административного штрафа в двукратном размере суммы неуплаченного административного штрафа, но не менее одной тысячи рублей, либо административный арест на срок до пятнадцати суток.');
  lines.push(`Постановление может быть обжаловано в ${court.higher} в течение ${choose.variant(['10 суток', 'десяти суток', '10 (десяти) дней'])} со дня вручения или получения копии постановления.`);
  lines.push(`Судья ${choose.pick(JUDGES)}`);
  // Without a stated citizenship only a visible Kyrgyz birthplace or «уулу»/«кызы» makes a case possible.
  const weakVisible = !depersonalised;
  const kyrgyzFlag = nationality === 'KG' ? (view.citizenship === 'stated' ? 'yes' : weakVisible ? 'possible' : 'no') : 'no';
  return {
    text: lines.join('\n'),
    label: {
      caseType: 'koap',
      caseFlag: kyrgyzFlag,
      defendants: [{ name: depersonalised ? null : labelName(view), kyrgyzFlag, citizenship: view.citizenship === 'stated' ? nationality : null, gender: person.gender }],
      others: [],
      charges: [charge],
      outcomes,
      traps,
    },
  };
}

/** The nominative name in its fullest written form. */
export function labelName(view: PersonView): string {
  const p = view.person!;
  if (view.nameStyle === 'initials') {
    const words = p.full.split(' ');
    return `${words[0]} ${words.slice(1).map((w) => `${w.charAt(0)}.`).join('')}`;
  }
  return p.full;
}
