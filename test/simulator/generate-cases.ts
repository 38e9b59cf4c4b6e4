// Deterministic court cases for the simulator: migration cases of Kyrgyz and other citizens,
// with the truth recorded so tests can check what a crawl found.
import { citizenshipGenitive, makePerson, pick, seededRandom, type SimulatedPerson } from './people.ts';

export interface SimulatedCase {
  courtCode: string;
  srvNum: number;
  caseId: number;
  caseUid: string;
  caseNumber: string;
  deloId: '1500001' | '1540006';
  article: string; // '18.8'
  part: string | null; // '1.1'
  person: SimulatedPerson;
  kyrgyz: boolean;
  receivedDate: string;
  decisionDate: string;
  publishedDate: string;
  judge: string;
  fineRub: number | null;
  expulsion: 'forced' | 'self' | null;
  actText: string;
}

const JUDGES = ['Иванова И.И.', 'Петров П.П.', 'Сидорова А.В.', 'Кузьмин Д.А.'];
const KOAP = [
  { article: '18.8', part: '1.1' },
  { article: '18.8', part: '3.1' },
  { article: '18.8', part: '1' },
  { article: '18.10', part: '1' },
  { article: '18.10', part: '2' },
];
const CITIZENSHIPS: SimulatedPerson['citizenship'][] = ['KG', 'KG', 'UZ', 'TJ', 'KZ', 'KG', 'UZ', 'RU'];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const ru = (isoDate: string) => isoDate.split('-').reverse().join('.');
const addDays = (isoDate: string, days: number) => iso(new Date(Date.parse(isoDate) + days * 86_400_000));

function koapAct(c: Omit<SimulatedCase, 'actText'>, courtName: string, interpreterTrap: boolean): string {
  const p = c.person;
  const citizenship = citizenshipGenitive[p.citizenship];
  const penalty = [
    `административного штрафа в размере ${c.fineRub} рублей`,
    c.expulsion === 'forced' ? 'с административным выдворением за пределы Российской Федерации в форме принудительного выдворения' : '',
    c.expulsion === 'self' ? 'с административным выдворением за пределы Российской Федерации в форме контролируемого самостоятельного выезда' : '',
  ].filter(Boolean).join(' ');
  return [
    `Дело № ${c.caseNumber}`,
    `УИД ${c.caseUid}`,
    'ПОСТАНОВЛЕНИЕ',
    'по делу об административном правонарушении',
    `${ru(c.decisionDate)} года`,
    `Судья ${courtName} ${c.judge}, рассмотрев дело об административном правонарушении, предусмотренном ч. ${c.part} ст. ${c.article} КоАП РФ, в отношении ${p.genitive}, ${ru(p.birthDate)} года рождения, уроженца ${p.birthPlace}, гражданина ${citizenship},${interpreterTrap ? ' с участием переводчика с киргизского языка,' : ''}`,
    'УСТАНОВИЛ:',
    `${ru(addDays(c.receivedDate, -2))} по адресу: <адрес> выявлен гражданин ${citizenship} ${p.surname} ${p.firstName}, который ${c.article === '18.10' ? 'осуществлял трудовую деятельность без патента' : 'уклонился от выезда из Российской Федерации по истечении определенного срока пребывания'}.`,
    'ПОСТАНОВИЛ:',
    `Признать ${p.genitive} виновным в совершении административного правонарушения, предусмотренного ч. ${c.part} ст. ${c.article} КоАП РФ, и назначить ему наказание в виде ${penalty}.`,
    c.expulsion === 'forced' ? 'До исполнения постановления поместить в Центр временного содержания иностранных граждан.' : '',
    'Постановление может быть обжаловано в течение 10 суток со дня вручения или получения копии постановления.',
  ].filter(Boolean).join('\n');
}

export function generateCases(
  courts: { code: string; name: string; srvNums: number[] }[],
  casesPerCourt: number,
  seed: number,
  today = new Date(),
): SimulatedCase[] {
  const random = seededRandom(seed);
  const cases: SimulatedCase[] = [];
  let caseId = 1000;
  for (const court of courts) {
    for (let i = 0; i < casesPerCourt; i += 1) {
      caseId += 1;
      const citizenship = pick(random, CITIZENSHIPS);
      // Russians appear as employers charged under 18.15, not as migrants.
      const charge = citizenship === 'RU' ? { article: '18.15', part: '1' } : pick(random, KOAP);
      const person = makePerson(random, citizenship);
      const received = iso(new Date(today.getTime() - (12 + Math.floor(random() * 40)) * 86_400_000));
      const decision = addDays(received, 1 + Math.floor(random() * 5));
      const base = {
        courtCode: court.code,
        srvNum: court.srvNums[i % court.srvNums.length]!,
        caseId,
        caseUid: `${court.code}-01-${decision.slice(0, 4)}-${String(caseId).padStart(6, '0')}-${String(caseId % 97).padStart(2, '0')}`,
        caseNumber: `5-${caseId}/${decision.slice(0, 4)}`,
        deloId: '1500001' as const,
        article: charge.article,
        part: charge.part,
        person,
        kyrgyz: citizenship === 'KG',
        receivedDate: received,
        decisionDate: decision,
        publishedDate: addDays(decision, 1 + Math.floor(random() * 3)),
        judge: pick(random, JUDGES),
        fineRub: pick(random, [2000, 3000, 5000, 7000]),
        expulsion: citizenship === 'RU' ? null : pick(random, ['forced', 'self', null] as const),
      };
      const interpreterTrap = citizenship !== 'KG' && random() < 0.2;
      cases.push({ ...base, actText: koapAct(base, court.name, interpreterTrap) });
    }
  }
  return cases;
}
