// Deterministic court cases for the simulator: migration cases of Kyrgyz and other citizens,
// with the truth recorded so tests can check what a crawl found. The same seed and the same
// day give the same cases; dates sit a few weeks before `today` so default crawl windows find them.
import { criminalAct, koapAct, type ActFacts } from './act-texts.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { makePerson, pick, type SimulatedPerson } from './names.ts';

export interface SimulatedCase {
  courtCode: string;
  courtName: string;
  srvNum: number;
  caseId: number;
  /** The GUID the site puts in card URLs (case_uid= / _uid=). */
  urlGuid: string;
  /** The УИД shown on the card, e.g. 77RS0001-01-2026-001042-13. */
  caseUid: string;
  caseNumber: string;
  caseType: 'koap' | 'criminal';
  deloId: '1500001' | '1540006';
  article: string; // '18.8'
  part: string | null; // '1.1'
  /** The card's article list, e.g. «ст.18.8 ч.1.1 КоАП РФ». */
  articles: string;
  person: SimulatedPerson;
  /** Truth: the accused is a citizen of Kyrgyzstan. */
  kyrgyz: boolean;
  receivedDate: string;
  decisionDate: string;
  publishedDate: string;
  judge: string;
  result: string;
  fineRub: number | null;
  expulsion: 'forced' | 'self' | null;
  prisonMonths: number | null;
  actText: string;
  /** Absolute card URL; filled in once the court's listener has its port. */
  cardUrl: string;
}

const pinnedOr = <T>(pinned: T | undefined, drawn: T): T => (pinned === undefined ? drawn : pinned);

export interface CourtPlan {
  code: string;
  name: string;
  srvNums: number[];
}

const JUDGES = ['Иванова И.И.', 'Петров П.П.', 'Сидорова А.В.', 'Кузьмин Д.А.', 'Гарипова Л.Р.'];
const KOAP = [
  { article: '18.8', part: '1.1' },
  { article: '18.8', part: '3.1' },
  { article: '18.8', part: '1' },
  { article: '18.10', part: '1' },
  { article: '18.10', part: '2' },
];
const CITIZENSHIPS: SimulatedPerson['citizenship'][] = ['KG', 'KG', 'UZ', 'TJ', 'KZ', 'KG', 'UZ', 'RU'];
const KOAP_RESULT = 'Вынесено постановление о назначении административного наказания';
const CRIMINAL_RESULT = 'Вынесен ПРИГОВОР';

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) => iso(new Date(Date.parse(isoDate) + days * 86_400_000));

/** A GUID-shaped id from a number, stable across runs. */
function guidOf(n: number, random: () => number): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${String(n).padStart(12, '0')}`;
}

/** Forces parts of a generated case (the demo needs a Kyrgyz 18.8 case with forced expulsion, etc.). */
export interface CasePin {
  citizenship?: SimulatedPerson['citizenship'];
  charge?: { article: string; part: string };
  expulsion?: 'forced' | 'self' | null;
}

export function generateCases(courts: CourtPlan[], casesPerCourt: number, seed: number, today = new Date(), pins: CasePin[] = []): SimulatedCase[] {
  const random = seededRandom(seed);
  const day = iso(today);
  const cases: SimulatedCase[] = [];
  let caseId = 1000;
  for (const court of courts) {
    for (let i = 0; i < casesPerCourt; i += 1) {
      caseId += 1;
      const pin = pins[cases.length] ?? {};
      // Draw first, then let the pin win: pinned cases stay realistic in everything not pinned.
      const drawnCitizenship = pick(random, CITIZENSHIPS);
      const citizenship = pin.citizenship ?? drawnCitizenship;
      // One case in seven is criminal (ч. 2 ст. 322 УК РФ: entry despite a ban); Russians appear
      // as employers charged under 18.15, never as migrants.
      const drawnCriminal = citizenship !== 'RU' && random() < 0.15;
      const drawnCharge = citizenship === 'RU' ? { article: '18.15', part: '1' } : drawnCriminal ? { article: '322', part: '2' } : pick(random, KOAP);
      const charge = pin.charge ?? drawnCharge;
      const criminal = charge.article.startsWith('32');
      const person = makePerson(random, citizenship);
      const receivedDate = addDays(day, -(12 + Math.floor(random() * 40)));
      const decisionDate = addDays(receivedDate, 1 + Math.floor(random() * 5));
      const year = decisionDate.slice(0, 4);
      const srvNum = court.srvNums[i % court.srvNums.length]!;
      const prisonMonths = criminal && random() < 0.6 ? pick(random, [6, 8, 10, 12]) : null;
      const facts: ActFacts = {
        caseNumber: criminal ? `1-${caseId}/${year}` : `5-${caseId}/${year}`,
        caseUid: `${court.code}-01-${year}-${String(caseId).padStart(6, '0')}-${String(caseId % 97).padStart(2, '0')}`,
        courtName: court.name,
        judge: pick(random, JUDGES),
        article: charge.article,
        part: charge.part,
        person,
        receivedDate,
        decisionDate,
        fineRub: criminal ? (prisonMonths ? null : 40000) : citizenship === 'RU' ? 400000 : pick(random, [2000, 3000, 5000, 7000]),
        expulsion: pinnedOr(pin.expulsion, criminal || citizenship === 'RU' ? null : pick(random, ['forced', 'self', null] as const)),
        prisonMonths,
        traps: {
          interpreterFromKyrgyz: citizenship !== 'KG' && citizenship !== 'RU' && random() < 0.25,
          kyrgyzWorkers: citizenship === 'RU' && random() < 0.5,
        },
      };
      cases.push({
        courtCode: court.code,
        courtName: court.name,
        srvNum,
        caseId,
        urlGuid: guidOf(caseId, random),
        caseUid: facts.caseUid,
        caseNumber: facts.caseNumber,
        caseType: criminal ? 'criminal' : 'koap',
        deloId: criminal ? '1540006' : '1500001',
        article: charge.article,
        part: charge.part,
        articles: criminal ? `ст.${charge.article} ч.${charge.part} УК РФ` : `ст.${charge.article} ч.${charge.part} КоАП РФ`,
        person,
        kyrgyz: citizenship === 'KG',
        receivedDate,
        decisionDate,
        publishedDate: addDays(decisionDate, 1 + Math.floor(random() * 3)),
        judge: facts.judge,
        result: criminal ? CRIMINAL_RESULT : KOAP_RESULT,
        fineRub: facts.fineRub,
        expulsion: facts.expulsion,
        prisonMonths,
        actText: criminal ? criminalAct(facts) : koapAct(facts),
        cardUrl: '',
      });
    }
  }
  return cases;
}
