// Everything this process writes (stdout, stderr, console.*) while the real commands run, and
// the personal data of the simulated defendants that must never be among it.
import { format } from 'node:util';
import type { SimulatedCase } from '../simulator/index.ts';
import { fullName, listName } from '../simulator/names.ts';

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
