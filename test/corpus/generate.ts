// Writes the evaluation corpus: test/corpus/docs/<id>.txt and test/corpus/labels/<id>.json.
// Deterministic (one seed per document). About a quarter of the documents are the holdout part,
// written from other name lists and other wording variants than the tune part.
// Run: npx tsx test/corpus/generate.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { criminalSentence } from './generator/criminal.ts';
import { employerRuling } from './generator/employer.ts';
import { kasDecision } from './generator/kas.ts';
import { foreignerRuling, type GeneratedDoc } from './generator/koap.ts';
import type { Nationality } from './generator/names.ts';
import { makeChooser, type Chooser, type CorpusSplit } from './generator/random.ts';
import type { Trap } from './generator/traps.ts';
import type { CorpusLabel } from './labels.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const DOCUMENTS = 420;

/** The mix of case kinds: positives of every kind, and every trap. */
function compose(choose: Chooser, n: number): GeneratedDoc {
  const slot = n % 21;
  const foreign: Nationality = choose.pick(['UZ', 'TJ', 'KZ']);
  switch (slot) {
    case 0: case 1: case 2: case 3: case 4: return foreignerRuling(choose, 'KG', choose.chance(0.2) ? ['quoted_sanction'] : []);
    case 5: return foreignerRuling(choose, foreign, []);
    case 6: return foreignerRuling(choose, foreign, ['interpreter_kg']);
    case 7: return foreignerRuling(choose, choose.pick(['UZ', 'TJ'] as const), ['witness_kg']);
    case 8: return foreignerRuling(choose, choose.pick(['KG', 'UZ'] as const), ['redacted']);
    case 9: return foreignerRuling(choose, foreign, ['travel_kg']);
    case 10: return foreignerRuling(choose, 'KZ', ['kazakh_particle']);
    case 11: return foreignerRuling(choose, 'KG', ['weak_only']);
    case 12: return employerRuling(choose);
    case 13: return criminalSentence(choose, choose.pick(['322', '322.1', '327'] as const), choose.pick(['KG', 'KG', 'UZ', 'TJ'] as const), choose.chance(0.3) ? ['interpreter_kg'] : []);
    case 14: return criminalSentence(choose, '322.3', 'RU', ['registered_kg']);
    case 15: return criminalSentence(choose, choose.pick(['158', '228'] as const), choose.pick(['KG', 'UZ', 'RU'] as const), choose.chance(0.5) ? ['prior_conviction'] : []);
    case 16: return criminalSentence(choose, '158', 'RU', [choose.pick(['victim_kg', 'ru_born_kg', 'witness_kg'] as const)] as Trap[]);
    case 17: return kasDecision(choose, choose.pick(['KG', 'UZ', 'TJ'] as const), false);
    case 18: return kasDecision(choose, choose.pick(['KG', 'KG', 'TJ'] as const), true);
    case 19: return foreignerRuling(choose, 'KG', ['witness_kg']);
    default: return criminalSentence(choose, '322', 'KG', choose.chance(0.5) ? ['prior_conviction'] : []);
  }
}

/** A stable quarter of the ids goes to the holdout part. */
export function splitOf(id: string): CorpusSplit {
  return createHash('sha256').update(id).digest()[0]! < 64 ? 'holdout' : 'tune';
}

function main(): void {
  for (const dir of ['docs', 'labels']) {
    rmSync(`${root}${dir}`, { recursive: true, force: true });
    mkdirSync(`${root}${dir}`, { recursive: true });
  }
  const counts = { tune: 0, holdout: 0 };
  for (let n = 0; n < DOCUMENTS; n += 1) {
    const id = `gen-${String(n).padStart(4, '0')}`;
    const split = splitOf(id);
    const doc = compose(makeChooser(1000 + n * 7919, split), n);
    const label: CorpusLabel = { id, split, source: 'generated', ...doc.label };
    writeFileSync(`${root}docs/${id}.txt`, `${doc.text}\n`);
    writeFileSync(`${root}labels/${id}.json`, `${JSON.stringify(label, null, 1)}\n`);
    counts[split] += 1;
  }
  process.stderr.write(`corpus: ${DOCUMENTS} documents (${counts.tune} tune, ${counts.holdout} holdout)\n`);
}

main();
