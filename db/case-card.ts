// The structured form of a court case page, as a crawler source parses it. Stored next to
// the raw document (documents.parsed) and read by the pipeline, so it is validated with zod
// on the way in and out of the database.
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const caseTypeSchema = z.enum(['koap', 'koap_appeal', 'criminal', 'kas', 'civil', 'other']);
export type CaseTypeName = z.infer<typeof caseTypeSchema>;

export const casePartySchema = z.object({
  /** The role exactly as the card writes it, e.g. «ПРИВЛЕКАЕМОЕ ЛИЦО», «Административный истец». */
  roleAsWritten: z.string(),
  /** The name exactly as written (may be upper-case, initials, or a depersonalisation marker). */
  name: z.string(),
  /** The card's article list for this party, e.g. «ст.18.8 ч.3.1 КоАП РФ». */
  articles: z.string().nullable(),
});
export type CaseParty = z.infer<typeof casePartySchema>;

export const caseCardSchema = z.object({
  caseNumber: z.string().nullable(),
  caseUid: z.string().nullable(),
  caseType: caseTypeSchema,
  courtName: z.string().nullable(),
  receivedDate: isoDate.nullable(),
  decisionDate: isoDate.nullable(),
  judge: z.string().nullable(),
  /** Result as written, e.g. «Вынесено постановление о назначении административного наказания». */
  result: z.string().nullable(),
  /** Article summary from the card's header, e.g. «КоАП: ст. 18.8 ч.1.1». */
  articles: z.string().nullable(),
  parties: z.array(casePartySchema),
  /** The act text (decision) as plain text, depersonalisation markers kept; null if not published. */
  actText: z.string().nullable(),
  /** Link to the act-only page (name_op=doc) when the card gives one. */
  actUrl: z.string().nullable(),
});
export type CaseCard = z.infer<typeof caseCardSchema>;

/** An act-only page (name_op=doc), stored apart from the card that links to it. */
export const actPageSchema = z.object({ cardUrl: z.string(), actText: z.string() });
export type ActPage = z.infer<typeof actPageSchema>;
