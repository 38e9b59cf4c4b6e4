// Which crawls run when. Read from a JSON file (KUZET_SCHEDULES) or the defaults below,
// validated at the boundary.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import cron from 'node-cron';

export const scheduleSchema = z.object({
  name: z.string().min(1),
  source: z.literal('sudrf'),
  /** node-cron expression, evaluated in Moscow time by default. */
  cron: z.string().refine((expression) => cron.validate(expression), 'not a valid cron expression'),
  timezone: z.string().default('Europe/Moscow'),
  /** Court codes by region prefix (e.g. ["66", "77"]); empty = every court. */
  regions: z.array(z.string().regex(/^\d{2}$/)).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * The default: every court group once a night, groups spread over the night so that no host
 * and no IP sees a burst. Regions with many Kyrgyz workers come first.
 */
export const defaultSchedules: Schedule[] = [
  { name: 'sudrf-moscow', source: 'sudrf', cron: '10 0 * * *', timezone: 'Europe/Moscow', regions: ['77', '50'] },
  { name: 'sudrf-petersburg', source: 'sudrf', cron: '40 1 * * *', timezone: 'Europe/Moscow', regions: ['78', '47'] },
  { name: 'sudrf-urals', source: 'sudrf', cron: '10 2 * * *', timezone: 'Europe/Moscow', regions: ['66', '74', '72', '86', '89', '59'] },
  { name: 'sudrf-siberia', source: 'sudrf', cron: '40 3 * * *', timezone: 'Europe/Moscow', regions: ['54', '55', '70', '42', '24', '38', '22'] },
  { name: 'sudrf-rest', source: 'sudrf', cron: '10 4 * * *', timezone: 'Europe/Moscow', regions: [] },
];

export function loadSchedules(path = process.env.KUZET_SCHEDULES): Schedule[] {
  if (!path) return defaultSchedules;
  const parsed = z.array(scheduleSchema).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`invalid schedules in ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
