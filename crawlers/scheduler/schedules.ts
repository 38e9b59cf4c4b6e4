// What runs when. Read from a JSON file (KUZET_SCHEDULES) or the defaults below, validated at
// the boundary. A schedule is a crawl of one named source (sudrf, mosgorsud, acts-bank), the
// daily digest, or detainee matching; every kind runs under the same lease (one holder across
// machines) and leaves a run in crawl_runs, shown on the sources-health page.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import cron from 'node-cron';

export const crawlSources = ['sudrf', 'mosgorsud', 'acts-bank'] as const;
export type CrawlSourceName = (typeof crawlSources)[number];

const timing = {
  name: z.string().min(1),
  /** node-cron expression, evaluated in Moscow time by default. */
  cron: z.string().refine((expression) => cron.validate(expression), 'not a valid cron expression'),
  timezone: z.string().default('Europe/Moscow'),
};

const crawlSchedule = z.object({
  ...timing,
  /** A schedule without a job is a crawl (the format before digests and matching were scheduled). */
  job: z.literal('crawl').default('crawl'),
  source: z.enum(crawlSources),
  /** sudrf: court codes by region prefix (e.g. ["66", "77"]); empty = every court. */
  regions: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /** mosgorsud: the portal's base URL; acts-bank: its portal page. The live sites by default. */
  portal: z.url({ protocol: /^https?$/ }).optional(),
});

const digestSchedule = z.object({ ...timing, job: z.literal('digest') });
const matchSchedule = z.object({ ...timing, job: z.literal('match') });

export const scheduleSchema = z.union([digestSchedule, matchSchedule, crawlSchedule]);
export type Schedule = z.infer<typeof scheduleSchema>;
export type CrawlSchedule = z.infer<typeof crawlSchedule>;

/**
 * The default: every sudrf court group once a night, groups spread over the night so that no
 * host and no IP sees a burst (regions with many Kyrgyz workers first); mos-gorsud after them;
 * matching once the night's cases are in, the digest for the morning. The acts bank is not in the
 * defaults: the live portal's query fields are unverified (add it in KUZET_SCHEDULES to try it).
 */
export const defaultSchedules: Schedule[] = [
  { name: 'sudrf-moscow', job: 'crawl', source: 'sudrf', cron: '10 0 * * *', timezone: 'Europe/Moscow', regions: ['77', '50'] },
  { name: 'sudrf-petersburg', job: 'crawl', source: 'sudrf', cron: '40 1 * * *', timezone: 'Europe/Moscow', regions: ['78', '47'] },
  { name: 'sudrf-urals', job: 'crawl', source: 'sudrf', cron: '10 2 * * *', timezone: 'Europe/Moscow', regions: ['66', '74', '72', '86', '89', '59'] },
  { name: 'sudrf-siberia', job: 'crawl', source: 'sudrf', cron: '40 3 * * *', timezone: 'Europe/Moscow', regions: ['54', '55', '70', '42', '24', '38', '22'] },
  { name: 'sudrf-rest', job: 'crawl', source: 'sudrf', cron: '10 4 * * *', timezone: 'Europe/Moscow', regions: [] },
  { name: 'mosgorsud', job: 'crawl', source: 'mosgorsud', cron: '30 4 * * *', timezone: 'Europe/Moscow', regions: [] },
  { name: 'detainee-matching', job: 'match', cron: '30 6 * * *', timezone: 'Europe/Moscow' },
  { name: 'daily-digest', job: 'digest', cron: '0 8 * * *', timezone: 'Europe/Moscow' },
];

export function parseSchedules(json: unknown, origin: string): Schedule[] {
  const parsed = z.array(scheduleSchema).safeParse(json);
  if (!parsed.success) {
    throw new Error(`invalid schedules in ${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const names = parsed.data.map((schedule) => schedule.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  // The name is the lease: two schedules with one name would hold each other off.
  if (repeated) throw new Error(`invalid schedules in ${origin}: the name ${repeated} is used twice`);
  return parsed.data;
}

export function loadSchedules(path = process.env.KUZET_SCHEDULES): Schedule[] {
  if (!path) return defaultSchedules;
  return parseSchedules(JSON.parse(readFileSync(path, 'utf8')), path);
}
