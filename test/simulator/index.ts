// Entry points of the court-site simulator: many courts for tests and benchmarks, and the
// small replay that `kuzet demo` crawls. Each court listens on its own loopback port.
import { generateCases, type CasePin, type SimulatedCase } from './generate-cases.ts';
import { cardPath } from './render-page.ts';
import { startCourtServer, type RequestLogEntry, type SimulatorFaults } from './server.ts';

export type { CasePin, SimulatedCase, RequestLogEntry, SimulatorFaults };

export interface SimulatedCourt {
  code: string;
  name: string;
  region: string;
  baseUrl: string;
  layout: 'primary' | 'vnkod';
  srvNums: number[];
  hasCaptcha: boolean;
}

export interface CourtSimulator {
  courts: SimulatedCourt[];
  /** Every generated case with its truth (court, number, card URL, kyrgyz, articles). */
  cases: SimulatedCase[];
  /** Every request any court received, in arrival order. */
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export interface SimulatorOptions {
  courtCount: number;
  casesPerCourt: number;
  seed: number;
  /** Layouts assigned round-robin; both by default. */
  layouts?: ('primary' | 'vnkod')[];
  faults?: SimulatorFaults;
  robotsTxt?: string;
  /** The day the cases are generated back from (default: now). */
  today?: Date;
  /** Forces parts of the first cases (in court order). */
  pins?: CasePin[];
}

const REGIONS: [string, string, string][] = [
  ['77', 'г. Москва', 'районный суд г. Москвы'],
  ['66', 'Свердловская область', 'районный суд г. Екатеринбурга'],
  ['54', 'Новосибирская область', 'районный суд г. Новосибирска'],
  ['50', 'Московская область', 'городской суд Московской области'],
  ['78', 'г. Санкт-Петербург', 'районный суд Санкт-Петербурга'],
];
const DISTRICTS = ['Ленинский', 'Октябрьский', 'Кировский', 'Советский', 'Центральный', 'Железнодорожный', 'Заельцовский', 'Чертановский'];

export async function startCourtSimulator(options: SimulatorOptions): Promise<CourtSimulator> {
  const layouts = options.layouts ?? ['primary', 'vnkod'];
  const requests: RequestLogEntry[] = [];
  const plans = Array.from({ length: options.courtCount }, (_, i) => {
    const [regionCode, region, kind] = REGIONS[i % REGIONS.length]!;
    const code = `${regionCode}RS${String(i + 1).padStart(4, '0')}`;
    return {
      code,
      name: `${DISTRICTS[i % DISTRICTS.length]} ${kind}`,
      region,
      layout: layouts[i % layouts.length]!,
      // Every third court spreads its cases over two servers, as large real courts do.
      srvNums: i % 3 === 2 ? [1, 2] : [1],
      hasCaptcha: options.faults?.captchaCourts?.includes(code) ?? false,
    };
  });
  const cases = generateCases(plans, options.casesPerCourt, options.seed, options.today, options.pins);
  const servers = await Promise.all(
    plans.map((plan) =>
      startCourtServer(plan, cases.filter((c) => c.courtCode === plan.code), options.faults ?? {}, requests, options.robotsTxt ?? 'User-agent: *\nDisallow: /admin\n'),
    ),
  );
  const courts = plans.map((plan, i) => ({ ...plan, baseUrl: servers[i]!.baseUrl }));
  for (const c of cases) {
    const court = courts.find((k) => k.code === c.courtCode)!;
    c.cardUrl = `${court.baseUrl}${cardPath(court, c)}`;
  }
  return {
    courts,
    cases,
    requests,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * The replay `kuzet demo` crawls: three courts (both layouts, one with two srv_num), twelve
 * cases. Pinned: a Kyrgyz citizen's 18.8 ч.1.1 with a fine and forced expulsion, an Uzbek
 * citizen's 18.8, a Kyrgyz citizen's ч. 2 ст. 322 УК РФ, a Russian employer under 18.15 and
 * a Tajik citizen's 18.10.
 */
export function startDemoReplay(): Promise<CourtSimulator> {
  return startCourtSimulator({
    courtCount: 3,
    casesPerCourt: 4,
    seed: 7,
    pins: [
      { citizenship: 'KG', charge: { article: '18.8', part: '1.1' }, expulsion: 'forced' },
      { citizenship: 'UZ', charge: { article: '18.8', part: '1.1' }, expulsion: 'self' },
      {},
      {},
      { citizenship: 'KG', charge: { article: '322', part: '2' } },
      { citizenship: 'RU', charge: { article: '18.15', part: '1' } },
      {},
      {},
      { citizenship: 'TJ', charge: { article: '18.10', part: '1' }, expulsion: null },
    ],
  });
}
