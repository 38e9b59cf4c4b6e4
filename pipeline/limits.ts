// The work per document is bounded: a 20 MB page once took ~40 s. The longest real act in the
// corpus is under 20,000 characters and court acts rarely pass 200,000, so the caps stay far above
// anything a court publishes while keeping every document within a few seconds.

/** Characters of normalized text analysed at most. */
export const MAX_ANALYSED_CHARS = 1_000_000;
/** Characters of input (HTML or text) normalized at most: markup takes room, hence twice as many. */
export const MAX_INPUT_CHARS = 2 * MAX_ANALYSED_CHARS;

export interface CappedText {
  text: string;
  /** Present when something was cut off. */
  truncated?: { analysedChars: number; inputChars: number };
}

/**
 * Normalizes at most MAX_INPUT_CHARS of the input and keeps at most MAX_ANALYSED_CHARS of the
 * result, cut at a line break near the limit so no word is half read.
 */
export function capText(input: string, normalize: (input: string) => string): CappedText {
  const normalized = normalize(input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input);
  let text = normalized;
  if (text.length > MAX_ANALYSED_CHARS) {
    const lineEnd = text.lastIndexOf('\n', MAX_ANALYSED_CHARS);
    text = text.slice(0, lineEnd > MAX_ANALYSED_CHARS - 10_000 ? lineEnd : MAX_ANALYSED_CHARS);
  }
  if (input.length <= MAX_INPUT_CHARS && text.length === normalized.length) return { text };
  return { text, truncated: { analysedChars: text.length, inputChars: input.length } };
}
