// Input lines grouped for analyzeDocuments, which analyses a batch stage by stage.

const STALLED = Symbol('stalled');

/** Resolves once the event loop has gone round: by then every line already read has been handed over. */
function afterThisTurn(): Promise<typeof STALLED> {
  return new Promise((resolve) => setImmediate(resolve, STALLED));
}

/**
 * The lines in batches of at most `maxLines` lines and `maxChars` characters (a longer line makes
 * a batch of its own). A batch holds the lines that have arrived: when the next line is not there
 * by the next turn of the event loop, the batch goes without it, so a caller writing one line and
 * waiting gets its answer, and one piping a file gets full batches. (streaming-iterables'
 * batchWithTimeout counts lines only: sixty-four lines of 100 MB each would be held together.)
 */
export async function* lineBatches(lines: AsyncIterable<string> | Iterable<string>, maxLines: number, maxChars: number): AsyncGenerator<string[]> {
  const iterator = Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]();
  let batch: string[] = [];
  let chars = 0;
  let stalled: Promise<typeof STALLED> | null = null;
  let pending = Promise.resolve(iterator.next());
  let exhausted = false;
  try {
    for (;;) {
      const next = stalled ? await Promise.race([pending, stalled]) : await pending;
      if (next !== STALLED) {
        if (next.done) break;
        pending = Promise.resolve(iterator.next());
        // Awaited in the next round; until then a failed read must not count as unhandled.
        pending.catch(() => undefined);
        if (chars + next.value.length > maxChars && batch.length > 0) {
          yield batch;
          batch = [];
          chars = 0;
          stalled = null;
        }
        batch.push(next.value);
        chars += next.value.length;
        stalled ??= afterThisTurn();
        if (batch.length < maxLines && chars < maxChars) continue;
      }
      yield batch;
      batch = [];
      chars = 0;
      stalled = null;
    }
    exhausted = true;
  } finally {
    // A caller that stops early, or a failed read, closes the source (readline stops reading).
    if (!exhausted) await iterator.return?.();
  }
  if (batch.length > 0) yield batch;
}
