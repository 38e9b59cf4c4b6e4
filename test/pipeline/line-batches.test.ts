import { describe, expect, it } from 'vitest';
import { lineBatches } from '../../pipeline/line-batches.ts';

async function collect(batches: AsyncIterable<string[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe('lineBatches', () => {
  it('groups lines at hand up to the line limit, in order', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    expect(await collect(lineBatches(lines, 4, 1_000))).toEqual([lines.slice(0, 4), lines.slice(4, 8), lines.slice(8)]);
  });

  it('closes a batch at the character limit, and a longer line goes alone', async () => {
    const lines = ['aaaa', 'bbbb', 'c'.repeat(20), 'dd', 'ee'];
    expect(await collect(lineBatches(lines, 10, 10))).toEqual([['aaaa', 'bbbb'], ['c'.repeat(20)], ['dd', 'ee']]);
  });

  it('groups the lines of an async source that are already there', async () => {
    async function* source() {
      for (let i = 0; i < 5; i += 1) yield `line ${i}`;
    }
    expect(await collect(lineBatches(source(), 3, 1_000))).toEqual([['line 0', 'line 1', 'line 2'], ['line 3', 'line 4']]);
  });

  it('hands over what has arrived when the next line is not there yet (an interactive caller)', async () => {
    // The second line is written only once the first one's batch has been handed over: a batcher
    // that waited for a full batch would never hand it over.
    let answered!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (answered = resolve));
    async function* source() {
      yield 'first';
      await firstAnswered;
      yield 'second';
    }
    const seen: string[][] = [];
    const run = (async () => {
      for await (const batch of lineBatches(source(), 64, 1_000_000)) {
        seen.push(batch);
        answered();
      }
    })();
    const waitedTooLong = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 2_000));
    expect(await Promise.race([run.then(() => 'done'), waitedTooLong])).toBe('done');
    expect(seen).toEqual([['first'], ['second']]);
  });

  it('closes the source when the caller stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i += 1) yield `line ${i}`;
      } finally {
        closed = true;
      }
    }
    for await (const batch of lineBatches(source(), 4, 1_000)) {
      expect(batch).toHaveLength(4);
      break;
    }
    expect(closed).toBe(true);
  });

  it('passes on a failing source', async () => {
    async function* source() {
      yield 'one';
      throw new Error('read failed');
    }
    await expect(collect(lineBatches(source(), 64, 1_000))).rejects.toThrow('read failed');
  });
});
