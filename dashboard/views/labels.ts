// Stored enum values shown in the user's language.
import { outcomeKinds, type OutcomeKindName } from '../../db/queries/case-filters.ts';
import type { Translate } from '../i18n/dictionary.ts';

const isOutcomeKind = (value: string): value is OutcomeKindName => (outcomeKinds as string[]).includes(value);

/** 'fine, expulsion_forced' (as aggregated by the queue query) → 'fine, forced expulsion'. */
export function outcomeList(kinds: string | null, t: Translate): string {
  if (!kinds) return '—';
  return kinds
    .split(', ')
    .map((kind) => (isOutcomeKind(kind) ? t(`outcome.${kind}`) : kind))
    .join(', ');
}
