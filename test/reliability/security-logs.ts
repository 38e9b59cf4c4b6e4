// Everything this process writes (stdout, stderr, console.*) while the real commands run, the
// personal data of the simulated defendants that must never be among it, and a walk through the
// dashboard that handles that data.
import { format } from 'node:util';
import { expect } from 'vitest';
import type { Db } from '../../db/client.ts';
import { cases, detainees } from '../../db/schema.ts';
import type { SimulatedCase } from '../simulator/index.ts';
import { fullName, listName } from '../simulator/names.ts';
import { PASSWORD } from './security-client.ts';

export interface CapturedOutput {
  text(): string;
  restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Captures until restore(); the output still goes where it went (a failing run stays readable). */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const [i, stream] of streams.entries()) {
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return writes[i]!.call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  const originals = CONSOLE_METHODS.map((method) => console[method]);
  for (const [i, method] of CONSOLE_METHODS.entries()) {
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      originals[i]!(...args);
    };
  }
  return {
    text: () => chunks.join(''),
    restore: () => {
      for (const [i, stream] of streams.entries()) stream.write = writes[i]!;
      for (const [i, method] of CONSOLE_METHODS.entries()) console[method] = originals[i]!;
    },
  };
}

const russianDate = (iso: string) => iso.split('-').reverse().join('.');

/** Names in every form a court page writes them, and birth dates as ISO and dd.mm.yyyy. */
export function personalDataOf(cases: SimulatedCase[]): string[] {
  const items = new Set<string>();
  for (const { person } of cases) {
    for (const name of [person.surname, fullName(person), person.genitive, listName(person)]) items.add(name);
    items.add(person.birthDate);
    items.add(russianDate(person.birthDate));
  }
  return [...items];
}

/** A consulate's CSV of the Kyrgyz defendants, with passport numbers, plus a row the import rejects. */
export function detaineeCsv(cases: SimulatedCase[]): { csv: string; passports: string[] } {
  const kyrgyz = cases.filter((c) => c.kyrgyz);
  const passports = kyrgyz.map((_, i) => `AN${String(3_100_000 + i * 7919).padStart(7, '0')}`);
  const rows = kyrgyz.map((c, i) => [fullName(c.person), russianDate(c.person.birthDate), passports[i], c.decisionDate].join(';'));
  const rejected = `${fullName(kyrgyz[0]!.person)};31.02.1990;AN9999999;`;
  return { csv: ['cyrillic_name;birth_date;passport_number;detained_on', ...rows, rejected].join('\n'), passports: [...passports, 'AN9999999'] };
}

/** Every page a consular officer would open, with names typed into the forms and the address bar. */
export async function browseEverything(base: string, db: Db, simulated: SimulatedCase[]): Promise<void> {
  const login = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ username: 'consul', password: PASSWORD }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  expect(cookie).toMatch(/kuzet_session=/);
  const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' })).text();
  const csrf = (await get('/trends')).match(/name="_csrf" value="([^"]+)"/)![1]!;
  const caseIds = (await db.select({ id: cases.id }).from(cases)).map((row) => row.id);
  const detaineeIds = (await db.select({ id: detainees.id }).from(detainees)).map((row) => row.id);
  expect(caseIds.length).toBeGreaterThan(0);
  expect(detaineeIds.length).toBeGreaterThan(0);
  for (const path of ['/', '/?district=all', '/trends', '/trends.csv', '/sources', '/followed', '/admin/users']) await get(path);
  for (const id of caseIds) await get(`/cases/${id}`);
  for (const id of detaineeIds) await get(`/detainees/${id}`);
  for (const { person } of simulated.slice(0, 10)) {
    await get(`/cases/${encodeURIComponent(fullName(person))}`);
    await get(`/?article=${encodeURIComponent(person.surname)}&from=${encodeURIComponent(person.birthDate)}`);
    await fetch(`${base}/cases/${caseIds[0]}/follow-person`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: csrf, name: fullName(person), follow: 'yes' }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    await fetch(`${base}/login`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ username: fullName(person), password: person.birthDate }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  await get('/followed');
}
