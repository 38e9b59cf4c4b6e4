// Aggregates for analysts: flagged cases (dismissed ones are false positives and left out)
// counted by month, region, article, outcome, and charged persons by gender. Only counts
// leave this file: no name, no case number.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cases, charges, courts, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';
import { caseFilterConditions, caseRegionCode, type CaseFilter } from './case-filters.ts';

export interface TrendCount {
  key: string;
  /** A readable name where the key is a code (region names). */
  name: string | null;
  count: number;
}

export interface Trends {
  totalCases: number;
  byMonth: TrendCount[];
  byRegion: TrendCount[];
  byArticle: TrendCount[];
  byOutcome: TrendCount[];
  byGender: TrendCount[];
}

const caseCount = sql<number>`count(distinct ${cases.id})::int`;

function flagged(db: Db, key: SQL<string>, name: SQL<string | null>, counted: SQL<number> = caseCount) {
  return db
    .select({ key, name, count: counted })
    .from(cases)
    .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, cases.id))
    .leftJoin(reviews, eq(reviews.caseId, cases.id))
    .leftJoin(courts, eq(courts.id, cases.courtId))
    .$dynamic();
}

export async function computeTrends(db: Db, filter: CaseFilter): Promise<Trends> {
  const where = and(caseFilterConditions(filter), sql`${reviews.status} is distinct from 'dismissed'`);
  const month = sql<string>`coalesce(to_char(${cases.decisionDate}, 'YYYY-MM'), '')`;
  const region = sql<string>`coalesce(${caseRegionCode}, '')`;
  const article = sql<string>`${charges.code} || ' ' || ${charges.article}`;
  const kind = sql<string>`${outcomes.kind}::text`;
  const gender = sql<string>`coalesce(${persons.gender}, 'unknown')`;
  const noName = sql<string | null>`null`;
  const [total, byMonth, byRegion, byArticle, byOutcome, byGender] = await Promise.all([
    flagged(db, sql<string>`'all'`, noName).where(where),
    flagged(db, month, noName).where(where).groupBy(month).orderBy(month),
    flagged(db, region, sql<string | null>`max(${courts.region})`).where(where).groupBy(region).orderBy(region),
    flagged(db, article, noName)
      .innerJoin(charges, eq(charges.caseId, cases.id))
      .where(where)
      .groupBy(article)
      .orderBy(sql`count(distinct ${cases.id}) desc`, article),
    flagged(db, kind, noName)
      .innerJoin(outcomes, eq(outcomes.caseId, cases.id))
      .where(where)
      .groupBy(kind)
      .orderBy(sql`count(distinct ${cases.id}) desc`, kind),
    flagged(db, gender, noName, sql<number>`count(distinct ${persons.id})::int`)
      .innerJoin(persons, and(eq(persons.caseId, cases.id), sql`${persons.role} in ('defendant', 'person_charged')`))
      .where(where)
      .groupBy(gender)
      .orderBy(gender),
  ]);
  return { totalCases: Number(total[0]?.count ?? 0), byMonth, byRegion, byArticle, byOutcome, byGender };
}
