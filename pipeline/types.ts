// The pipeline's output: the contract of `kuzet analyze` (one JSON line per document) and
// what db/queries/store-analysis.ts writes into cases, persons, charges, outcomes and flags.
import type { EvidenceSpan } from '../db/schema.ts';

export type { EvidenceSpan };

export type FlagValue = 'yes' | 'possible' | 'no';

export interface KyrgyzVerdict {
  flag: FlagValue;
  confidence: number; // 0..1
  evidence: EvidenceSpan[]; // offsets into the analysed plain text
}

export type PersonRoleName = 'defendant' | 'person_charged' | 'victim' | 'witness' | 'other';

export interface PersonMention {
  name: string; // as written
  normalized: string | null; // nominative form when it can be known
  role: PersonRoleName;
  citizenship: string | null; // ISO 3166 alpha-2
  gender: 'm' | 'f' | null;
  birthDate: string | null; // YYYY-MM-DD
  birthPlace?: string | null;
  depersonalized?: boolean;
}

export type ChargeCodeName = 'КоАП' | 'УК' | 'КАС';

export interface ChargeCitation {
  code: ChargeCodeName;
  article: string; // '18.8', '322.1'
  part: string | null; // '1.1'
  item: string | null; // 'а'
}

export type OutcomeKindName =
  | 'fine'
  | 'expulsion_forced'
  | 'expulsion_self'
  | 'no_expulsion'
  | 'detention_center'
  | 'arrest'
  | 'imprisonment'
  | 'suspended'
  | 'returned'
  | 'forwarded'
  | 'cancelled'
  | 'other';

export interface OutcomeRecord {
  kind: OutcomeKindName;
  amountRub?: number;
  days?: number;
  months?: number;
  /** Imprisonment only: 'general' | 'strict' | 'special' (colony regime) or 'settlement'. */
  regime?: string;
  /**
   * When an act has several persons charged: the one this outcome was decided for, as the `name`
   * of one of the analysis' persons. Absent when the act has one person charged or does not say.
   */
  person?: string;
}

export interface CaseAnalysis {
  id: string;
  kyrgyz: KyrgyzVerdict;
  persons: PersonMention[];
  charges: ChargeCitation[];
  outcomes: OutcomeRecord[];
  caseNumber?: string;
  court?: string;
  decisionDate?: string; // YYYY-MM-DD
  /** Appeal deadline (КоАП: 10 days, criminal: 15 days after the decision). */
  appealDeadline?: string;
  /**
   * Set when the document was longer than the pipeline analyses (pipeline/limits.ts): only the
   * first `analysedChars` characters of the normalized text were read, so outcomes in a cut-off
   * resolutive part may be missing.
   */
  truncated?: { analysedChars: number; inputChars: number };
  /** The plain text the evidence offsets refer to. Not part of the JSON contract output. */
  text?: string;
}
