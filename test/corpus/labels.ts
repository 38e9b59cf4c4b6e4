// The truth recorded for each corpus document (generated or real), read by the evaluation.
import { z } from 'zod';

const flag = z.enum(['yes', 'possible', 'no']);

export const corpusLabelSchema = z.object({
  id: z.string(),
  split: z.enum(['tune', 'holdout']),
  source: z.enum(['generated', 'real']),
  caseType: z.enum(['koap', 'criminal', 'kas']),
  /** The case-level flag: 'yes' when a defendant is Kyrgyz by a strong cue. */
  caseFlag: flag,
  defendants: z.array(
    z.object({
      /** Nominative name in its fullest written form; null when the act depersonalises it. */
      name: z.string().nullable(),
      kyrgyzFlag: flag,
      citizenship: z.string().nullable(),
      gender: z.enum(['m', 'f']).nullable(),
    }),
  ),
  /** Other people named (witnesses, workers, registered persons): for the traps' record. */
  others: z.array(z.object({ name: z.string().nullable(), role: z.string(), citizenship: z.string().nullable() })),
  charges: z.array(z.object({ code: z.enum(['КоАП', 'УК', 'КАС']), article: z.string(), part: z.string().nullable(), item: z.string().nullable() })),
  outcomes: z.array(
    z.object({
      kind: z.string(),
      amountRub: z.number().optional(),
      days: z.number().optional(),
      months: z.number().optional(),
      regime: z.string().optional(),
      /** With several defendants: the index in `defendants` of the one this outcome was decided for. */
      defendant: z.number().int().nonnegative().optional(),
    }),
  ),
  /** Which traps the document contains (for error reading). */
  traps: z.array(z.string()),
});

export type CorpusLabel = z.infer<typeof corpusLabelSchema>;
