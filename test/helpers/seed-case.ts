// Stores one analysed case through the same code the pipeline uses, for dashboard tests.
import type { Db } from '../../db/client.ts';
import type { CaseCard } from '../../db/case-card.ts';
import { storeCaseAnalysis } from '../../db/queries/store-analysis.ts';
import { storeDocument } from '../../db/queries/documents.ts';
import { documents } from '../../db/schema.ts';
import type { CaseAnalysis } from '../../pipeline/types.ts';
import { eq } from 'drizzle-orm';

export const kyrgyzActText =
  'Мамытов Азамат Бекович, ДД.ММ.ГГГГ года рождения, гражданин Кыргызской Республики, совершил административное правонарушение, предусмотренное ч. 1.1 ст. 18.8 КоАП РФ.';

export function sampleCard(overrides: Partial<CaseCard> = {}): CaseCard {
  return {
    caseNumber: '5-101/2026',
    caseUid: '66RS0001-01-2026-000101-11',
    caseType: 'koap',
    courtName: 'Верх-Исетский районный суд г. Екатеринбурга',
    receivedDate: '2026-11-10',
    decisionDate: '2026-11-20',
    judge: 'Иванова И.И.',
    result: 'Вынесено постановление о назначении административного наказания',
    articles: 'КоАП: ст. 18.8 ч.1.1',
    parties: [{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: 'МАМЫТОВ А.Б.', articles: 'ст.18.8 ч.1.1 КоАП РФ' }],
    actText: kyrgyzActText,
    actUrl: null,
    ...overrides,
  };
}

export function sampleAnalysis(text: string, overrides: Partial<CaseAnalysis> = {}): CaseAnalysis {
  const cue = 'гражданин Кыргызской Республики';
  const start = text.indexOf(cue);
  return {
    id: 'test',
    text,
    kyrgyz: { flag: 'yes', confidence: 0.97, evidence: start >= 0 ? [{ start, end: start + cue.length, text: cue, cue: 'citizenship' }] : [] },
    persons: [{ name: 'МАМЫТОВ А.Б.', normalized: 'Мамытов А.Б.', role: 'person_charged', citizenship: 'KG', gender: 'm', birthDate: null }],
    charges: [{ code: 'КоАП', article: '18.8', part: '1.1', item: null }],
    outcomes: [{ kind: 'fine', amountRub: 2000 }, { kind: 'expulsion_forced' }],
    decisionDate: '2026-11-20',
    appealDeadline: '2026-11-30',
    ...overrides,
  };
}

export async function seedCase(db: Db, card = sampleCard(), analysis = sampleAnalysis(card.actText ?? '')): Promise<number> {
  const url = `http://court.example/modules.php?name=sud_delo&name_op=case&case_uid=${card.caseUid}`;
  const raw = new TextEncoder().encode(`<html>${card.actText}</html>`);
  await storeDocument(db, {
    url, requestKey: url, source: 'sudrf', kind: 'card', courtId: null, runId: null, httpStatus: 200, headers: {},
    encoding: 'utf-8', raw, text: `<html>${card.actText}</html>`, status: 'ok', parsed: card,
  });
  const [doc] = await db.select().from(documents).where(eq(documents.url, url));
  return storeCaseAnalysis(
    db,
    { documentId: doc!.id, contentHash: doc!.contentHash, sourceUrl: url, courtId: null, courtCode: null, courtName: null },
    card,
    analysis,
  );
}
