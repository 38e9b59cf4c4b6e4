// КАС: a foreign citizen challenges an entry ban (ст. 218), or the police ask to place a foreign
// citizen in a ЦВСИГ pending deportation (ст. 266).
import type { CorpusLabel } from '../labels.ts';
import type { GeneratedDoc } from './koap.ts';
import { makePerson, type Nationality } from './names.ts';
import { caseNumber, COURTS, headerClause, JUDGES, nameIn, writtenDate, type PersonView } from './parts.ts';
import type { Chooser } from './random.ts';

export function kasDecision(choose: Chooser, nationality: Nationality, placement: boolean): GeneratedDoc {
  const year = choose.pick([2024, 2025, 2026]);
  const court = choose.pick(COURTS[choose.split]);
  const decisionDate = `${year}-${String(choose.int(1, 12)).padStart(2, '0')}-${String(choose.int(1, 28)).padStart(2, '0')}`;
  const person = makePerson(choose, nationality, choose.chance(0.2) ? 'f' : 'm');
  const view: PersonView = { person, depersonalised: choose.chance(0.3), nameStyle: choose.pick(['full', 'initials'] as const), citizenship: 'stated', marker: 'ФИО1' };
  const f = person.gender === 'f';
  const lines = [`Дело № ${caseNumber(choose, '2а', year)}`, 'РЕШЕНИЕ', 'Именем Российской Федерации', `${writtenDate(choose, decisionDate)} ${court.city}`];
  const outcomes: CorpusLabel['outcomes'] = [];
  let article: string;
  if (placement) {
    article = '266';
    const days = choose.pick([30, 60, 90]);
    lines.push(`Судья ${court.name} ${choose.pick(JUDGES)}, рассмотрев в открытом судебном заседании административное дело по административному исковому заявлению ГУ МВД России о помещении ${headerClause(choose, view)}, подлежащ${f ? 'ей' : 'его'} депортации, в Центр временного содержания иностранных граждан, в порядке ${choose.variant(['главы 28 КАС РФ (ст. 266 КАС РФ)', 'статьи 266 Кодекса административного судопроизводства Российской Федерации'])},`);
    lines.push('УСТАНОВИЛ:');
    lines.push(`Распоряжением Министерства юстиции Российской Федерации пребывание ${nameIn(view, 'gen', true)} в Российской Федерации признано нежелательным. Решением ГУ МВД России принято решение о депортации.`);
    lines.push(`Административный ответчик ${nameIn(view, 'nom', true)} в судебном заседании против удовлетворения иска не возражал${f ? 'а' : ''}.`);
    lines.push('Руководствуясь ст.ст. 175-180, 269 КАС РФ, суд');
    lines.push('РЕШИЛ:');
    lines.push(`Административное исковое заявление удовлетворить. Поместить ${nameIn(view, 'acc')} в Центр временного содержания иностранных граждан ГУ МВД России на срок ${choose.variant([`${days} суток`, `до ${days} суток`])}.`);
    outcomes.push({ kind: 'detention_center', days });
  } else {
    article = '218';
    const granted = choose.chance(0.4);
    lines.push(`${court.name.replace(/^(\S+)ского районного суда/u, '$1ский районный суд').replace(/^(\S+)ого городского суда/u, '$1ий городской суд')} в составе председательствующего судьи ${choose.pick(JUDGES)}, рассмотрев в открытом судебном заседании административное дело по административному исковому заявлению ${headerClause(choose, view)} к ГУ МВД России о признании незаконным решения о неразрешении въезда в Российскую Федерацию,`);
    lines.push('УСТАНОВИЛ:');
    lines.push(`${nameIn(view, 'nom', true)} обратил${f ? 'ась' : 'ся'} в суд с административным исковым заявлением в порядке ${choose.variant(['ст. 218 КАС РФ', 'статьи 218 Кодекса административного судопроизводства Российской Федерации'])}, указав, что на территории Российской Федерации проживает ${f ? 'ее супруг' : 'его супруга'}.`);
    lines.push('Представитель административного ответчика ГУ МВД России в судебном заседании возражал против удовлетворения иска.');
    lines.push('Руководствуясь ст.ст. 175-180, 227 КАС РФ, суд');
    lines.push('РЕШИЛ:');
    lines.push(granted ? `Административное исковое заявление ${nameIn(view, 'gen')} удовлетворить. Признать незаконным решение ГУ МВД России о неразрешении въезда в Российскую Федерацию.` : `В удовлетворении административного искового заявления ${nameIn(view, 'gen')} отказать.`);
    outcomes.push({ kind: granted ? 'cancelled' : 'other' });
  }
  lines.push(`Решение может быть обжаловано в ${court.higher} в течение ${placement ? 'десяти дней' : 'одного месяца'}.`);
  const words = person.full.split(' ');
  const flag = nationality === 'KG' ? 'yes' : 'no';
  return {
    text: lines.join('\n'),
    label: {
      caseType: 'kas',
      caseFlag: flag,
      defendants: [{ name: view.depersonalised ? null : view.nameStyle === 'initials' ? `${words[0]} ${words.slice(1).map((w) => `${w.charAt(0)}.`).join('')}` : person.full, kyrgyzFlag: flag, citizenship: nationality, gender: person.gender }],
      others: [],
      charges: [{ code: 'КАС', article, part: null, item: null }],
      outcomes,
      traps: [],
    },
  };
}
