// The pipeline's edge: read the stored case pages that changed since their last analysis (or
// were analysed by an older pipeline, version.ts), analyse each one, and store the results.
// Everything in between is pure.
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseCardSchema } from '../db/case-card.ts';
import { courts, documents } from '../db/schema.ts';
import { markDocumentAnalyzed, storeCaseAnalysis } from '../db/queries/store-analysis.ts';
import { latestActText, requeueCardsOfNewActs } from '../db/queries/act-pages.ts';
import { analyzeCaseCard } from './analyze.ts';
import { PIPELINE_VERSION } from './version.ts';

export interface PipelineRunSummary {
  analyzed: number;
  flagged: number;
  possible: number;
  failures: { documentId: number; reason: string }[];
}

export async function analyzeStoredDocuments(db: Db, batchSize = 200): Promise<PipelineRunSummary> {
  const summary: PipelineRunSummary = { analyzed: 0, flagged: 0, possible: 0, failures: [] };
  await requeueCardsOfNewActs(db);
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({
        id: documents.id,
        url: documents.url,
        contentHash: documents.contentHash,
        parsed: documents.parsed,
        courtId: documents.courtId,
        courtCode: courts.code,
        courtName: courts.name,
      })
      .from(documents)
      .leftJoin(courts, eq(courts.id, documents.courtId))
      .where(
        and(
          // 'act': an attachment read to text, stored as its card with the act filled in (mos-gorsud).
          inArray(documents.kind, ['card', 'act']),
          eq(documents.status, 'ok'),
          gt(documents.id, afterId),
          // Not analysed yet, changed since, or analysed by an older pipeline (version.ts).
          or(isNull(documents.analyzedHash), ne(documents.analyzedHash, documents.contentHash), isNull(documents.analyzedVersion), lt(documents.analyzedVersion, PIPELINE_VERSION)),
        ),
      )
      .orderBy(asc(documents.id))
      .limit(batchSize);
    if (batch.length === 0) return summary;
    for (const doc of batch) {
      afterId = doc.id;
      const card = caseCardSchema.safeParse(doc.parsed);
      if (!card.success) {
        const reason = `stored card does not match the CaseCard schema: ${card.error.issues[0]?.message ?? 'invalid'}`;
        summary.failures.push({ documentId: doc.id, reason });
        await markDocumentAnalyzed(db, doc.id, doc.contentHash, reason);
        continue;
      }
      const actText = card.data.actText ?? (card.data.actUrl ? await latestActText(db, doc.url) : null);
      const analysis = analyzeCaseCard(String(doc.id), { ...card.data, actText });
      await storeCaseAnalysis(
        db,
        {
          documentId: doc.id,
          contentHash: doc.contentHash,
          sourceUrl: doc.url,
          courtId: doc.courtId,
          courtCode: doc.courtCode,
          courtName: doc.courtName,
        },
        card.data,
        analysis,
      );
      summary.analyzed += 1;
      if (analysis.kyrgyz.flag === 'yes') summary.flagged += 1;
      if (analysis.kyrgyz.flag === 'possible') summary.possible += 1;
    }
  }
}
