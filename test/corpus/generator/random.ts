// Deterministic choices for the corpus generator. Wording variants are split between the tune
// and holdout parts (even positions for tune, odd for holdout) so the holdout reads sentences
// the pipeline was not tuned on.
import { seededRandom } from '../../helpers/seeded-random.ts';

export type CorpusSplit = 'tune' | 'holdout';

export interface Chooser {
  split: CorpusSplit;
  random: () => number;
  /** Any element. */
  pick<T>(items: readonly T[]): T;
  /** A wording variant: tune draws from even positions, holdout from odd ones (when there are two or more). */
  variant<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
}


export function makeChooser(seed: number, split: CorpusSplit): Chooser {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return {
    split,
    random,
    pick,
    variant<T>(items: readonly T[]): T {
      if (items.length < 2) return items[0]!;
      const own = items.filter((_, i) => i % 2 === (split === 'tune' ? 0 : 1));
      return pick(own);
    },
    chance: (p: number) => random() < p,
    int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
  };
}
