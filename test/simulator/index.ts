// Entry points of the court-site simulator: many courts for tests and benchmarks, and the
// small replay that `kuzet demo` crawls.
import { generateCases, type SimulatedCase } from './generate-cases.ts';
import { startCourtServer, type RequestLogEntry, type SimulatorFaults } from './server.ts';

export type { SimulatedCase, RequestLogEntry, SimulatorFaults };

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
  cases: SimulatedCase[];
  requests: RequestLogEntry[];
  /** The card URL of a simulated case. */
  close(): Promise<void>;
}

export interface SimulatorOptions {
  courtCount: number;
  casesPerCourt: number;
  seed: number;
  layouts?: ('primary' | 'vnkod')[];
  faults?: SimulatorFaults;
  robotsTxt?: string;
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
    return {
      code: `${regionCode}RS${String(i + 1).padStart(4, '0')}`,
      name: `${DISTRICTS[i % DISTRICTS.length]} ${kind}`,
      region,
      layout: layouts[i % layouts.length]!,
      // Every third court spreads its cases over two servers, as large real courts do.
      srvNums: i % 3 === 2 ? [1, 2] : [1],
      hasCaptcha: options.faults?.captchaCourts?.includes(`${regionCode}RS${String(i + 1).padStart(4, '0')}`) ?? false,
    };
  });
  const cases = generateCases(plans, options.casesPerCourt, options.seed);
  const servers = await Promise.all(
    plans.map((plan) =>
      startCourtServer(plan, cases.filter((c) => c.courtCode === plan.code), options.faults ?? {}, requests, options.robotsTxt ?? 'User-agent: *\nDisallow: /admin\n'),
    ),
  );
  return {
    courts: plans.map((plan, i) => ({ ...plan, baseUrl: servers[i]!.baseUrl })),
    cases,
    requests,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** The replay `kuzet demo` crawls: two courts, both layouts, a handful of cases. */
export function startDemoReplay(): Promise<CourtSimulator> {
  return startCourtSimulator({ courtCount: 2, casesPerCourt: 4, seed: 7 });
}
