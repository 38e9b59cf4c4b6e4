// `npm run eval:matching`: precision and recall of the detainee matcher on the evaluation set
// (test/corpus/matching/pairs.json), on the tuning pairs and on the holdout pairs (names the
// scorer was never tuned on), at the stored-candidate threshold. Also checks that the name
// search keys would have retrieved each true pair, since a pair the index never proposes
// is never scored. `--errors` lists the misses and false alarms (synthetic names only).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CANDIDATE_THRESHOLD, prepareRecord, scoreCandidate } from '../matching/score-candidate.ts';
import { keysMeet, personKeys } from '../matching/name-keys.ts';
import type { MatchingPair } from '../test/corpus/matching/generate-pairs.ts';

interface Outcome {
  pair: MatchingPair;
  score: number;
  reasons: string[];
  retrieved: boolean;
}

const file = fileURLToPath(new URL('../test/corpus/matching/pairs.json', import.meta.url));
const pairs = JSON.parse(readFileSync(file, 'utf8')) as MatchingPair[];

function evaluate(pair: MatchingPair): Outcome {
  const recordNames = [pair.record.latinName, pair.record.cyrillicName].filter((name): name is string => name !== null);
  const prepared = prepareRecord({ names: recordNames, birthDate: pair.record.birthDate });
  const result = scoreCandidate(prepared, { names: [pair.court.name], birthDate: pair.court.birthDate, gender: pair.court.gender });
  const retrieved = keysMeet(personKeys(recordNames), personKeys([pair.court.name]));
  return { pair, score: result.score, reasons: result.reasons, retrieved };
}

function figures(outcomes: Outcome[], threshold: number) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let retrievedPositives = 0;
  let positives = 0;
  for (const outcome of outcomes) {
    const predicted = outcome.score >= threshold && outcome.retrieved;
    if (outcome.pair.sameperson) {
      positives += 1;
      if (outcome.retrieved) retrievedPositives += 1;
      if (predicted) truePositives += 1;
      else falseNegatives += 1;
    } else if (predicted) falsePositives += 1;
  }
  return {
    pairs: outcomes.length,
    positives,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    keyRecall: retrievedPositives / Math.max(1, positives),
    falsePositives,
    falseNegatives,
  };
}

const outcomes = pairs.map(evaluate);
const format = (value: number) => value.toFixed(3);
console.log(`matching evaluation: ${pairs.length} pairs, threshold ${CANDIDATE_THRESHOLD}`);
console.log('split     pairs  same  precision  recall  key-recall  false+  false-');
for (const split of ['tune', 'holdout'] as const) {
  const result = figures(outcomes.filter((outcome) => outcome.pair.split === split), CANDIDATE_THRESHOLD);
  console.log(
    `${split.padEnd(8)}  ${String(result.pairs).padStart(5)}  ${String(result.positives).padStart(4)}  ${format(result.precision).padStart(9)}  ${format(result.recall).padStart(6)}  ${format(result.keyRecall).padStart(10)}  ${String(result.falsePositives).padStart(6)}  ${String(result.falseNegatives).padStart(6)}`,
  );
}

if (process.argv.includes('--sweep')) {
  const tune = outcomes.filter((outcome) => outcome.pair.split === 'tune');
  for (let threshold = 0.6; threshold <= 0.951; threshold += 0.05) {
    const result = figures(tune, threshold);
    console.log(`tune @ ${threshold.toFixed(2)}: precision ${format(result.precision)} recall ${format(result.recall)}`);
  }
}

if (process.argv.includes('--errors')) {
  for (const outcome of outcomes) {
    const predicted = outcome.score >= CANDIDATE_THRESHOLD && outcome.retrieved;
    if (predicted === outcome.pair.sameperson) continue;
    const { pair } = outcome;
    console.log(
      `${pair.sameperson ? 'MISS' : 'FALSE'} ${pair.id} ${pair.kind} ${outcome.score} retrieved=${outcome.retrieved} | ${pair.record.latinName} | ${pair.record.cyrillicName} | ${pair.record.birthDate} || ${pair.court.name} | ${pair.court.birthDate} | ${pair.court.gender} | ${outcome.reasons.join('; ')}`,
    );
  }
}
