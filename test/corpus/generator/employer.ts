// КоАП 18.15: the employer (a company or a Russian entrepreneur) is charged; the foreign workers,
// often Kyrgyz, are only mentioned. The case must not be flagged.
import { declineName } from './decline.ts';
import type { GeneratedDoc } from './koap.ts';
import { makePerson, STATE_GENITIVE } from './names.ts';
import { caseNumber, COURTS, JUDGES, numericDate, writtenAmount, writtenDate } from './parts.ts';
import type { Chooser } from './random.ts';

const COMPANIES = { tune: ['СтройМонтаж', 'Альфа-Строй', 'ТрансЛогистик', 'Овощебаза №3'], holdout: ['Северный Двор', 'Меридиан', 'СпецТехРесурс', 'Уют-Сервис'] };

export function employerRuling(choose: Chooser): GeneratedDoc {
  const year = choose.pick([2024, 2025, 2026]);
  const court = choose.pick(COURTS[choose.split]);
  const decisionDate = `${year}-${String(choose.int(1, 12)).padStart(2, '0')}-${String(choose.int(1, 28)).padStart(2, '0')}`;
  const company = choose.pick(COMPANIES[choose.split]);
  const isCompany = choose.chance(0.65);
  const owner = makePerson(choose, 'RU', 'm');
  const part = court.region === 'moscow' ? choose.pick(['1', '4']) : '1';
  const worker = makePerson(choose, 'KG', 'm');
  const state = choose.variant(STATE_GENITIVE.KG);
  const ws = worker.full.split(' ');
  const workerShortGen = `${declineName(ws[0]!, 'm', 'gen')} ${ws[1]!.charAt(0)}.${ws[2]!.charAt(0)}.`;
  const amount = isCompany ? choose.pick([250000, 300000, 400000, 800000]) : choose.pick([25000, 35000, 50000]);
  const accused = isCompany ? `юридического лица - общества с ограниченной ответственностью "${company}" (ООО "${company}"), ИНН 77${choose.int(10000000, 99999999)}, юридический адрес: <адрес>` : `индивидуального предпринимателя ${declineName(owner.full, 'm', 'gen')}, ${numericDate(owner.birthDate)} года рождения, гражданина Российской Федерации`;
  const subject = isCompany ? `ООО "${company}"` : `ИП ${owner.full.split(' ')[0]}`;
  const cite = choose.variant([`ч. ${part} ст. 18.15 КоАП РФ`, `частью ${part} статьи 18.15 Кодекса Российской Федерации об административных правонарушениях`]);
  const lines = [
    `Дело № ${caseNumber(choose, '5', year)}`,
    'ПОСТАНОВЛЕНИЕ',
    `${writtenDate(choose, decisionDate)} ${court.city}`,
    `Судья ${court.name} ${choose.pick(JUDGES)}, рассмотрев дело об административном правонарушении, предусмотренном ${cite}, в отношении ${accused},`,
    'УСТАНОВИЛ:',
    choose.variant([
      `${subject} привлекло к трудовой деятельности в качестве разнорабочего гражданина ${state} ${workerShortGen}, не имеющего патента на работу в г. Москве.`,
      `В ходе проверки установлено, что ${subject} допустило к выполнению работ граждан ${state} ${workerShortGen} и ФИО3 при отсутствии у них разрешения на работу.`,
      `${subject} незаконно привлекло к трудовой деятельности иностранного гражданина - гражданина ${state} ${workerShortGen}, который осуществлял работы подсобного рабочего без патента.`,
      `Работник ${subject}, гражданин ${state} ${worker.full.split(' ')[0]} ${ws[1]!.charAt(0)}.${ws[2]!.charAt(0)}., осуществлял трудовую деятельность без патента.`,
    ]),
    `Постановлением судьи от ${numericDate(decisionDate)} ${worker.full.split(' ')[0]} ${ws[1]!.charAt(0)}.${ws[2]!.charAt(0)}. привлечен к административной ответственности по ч. 1 ст. 18.10 КоАП РФ.`,
    `Вина ${subject} подтверждается протоколом об административном правонарушении, объяснениями, копией трудового договора.`,
    `Руководствуясь ст.ст. 29.9, 29.10 КоАП РФ, судья`,
    'ПОСТАНОВИЛ:',
    `Признать ${subject} виновным в совершении административного правонарушения, предусмотренного ${cite}, и назначить ${isCompany ? 'ему' : 'ему'} наказание в виде административного штрафа в размере ${writtenAmount(choose, amount)} рублей.`,
    `Постановление может быть обжаловано в ${court.higher} в течение 10 суток.`,
  ];
  return {
    text: lines.join('\n'),
    label: {
      caseType: 'koap',
      caseFlag: 'no',
      defendants: [{ name: isCompany ? `ООО "${company}"` : owner.full, kyrgyzFlag: 'no', citizenship: isCompany ? null : 'RU', gender: isCompany ? null : 'm' }],
      others: [{ name: worker.full, role: 'worker', citizenship: 'KG' }],
      charges: [{ code: 'КоАП', article: '18.15', part, item: null }],
      outcomes: [{ kind: 'fine', amountRub: amount }],
      traps: ['workers_kg'],
    },
  };
}
