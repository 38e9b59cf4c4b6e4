// The data the security sweep runs against: courts in two consular districts, cases in both,
// a detainee with a candidate match, and one account per role (the consular one bound to
// Yekaterinburg, so that a widened filter would show). The hostile variant plants a script
// payload in every place scraped or typed text reaches a page.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../../dashboard/auth/passwords.ts';
import { createUser, type UserRoleName } from '../../db/queries/users.ts';
import { COMMAND_LINE_ACTOR, importDetainees } from '../../db/queries/detainees.ts';
import { cases, detainees, persons, type auditLog, type sessions, type users } from '../../db/schema.ts';
import { ALL_ROLES } from '../../dashboard/routes/route-rule.ts';
import { addCase, addCourt, addDetaineeMatch } from '../dashboard/fixtures.ts';
import { PASSWORD } from './security-client.ts';
import { xssPayload } from './security-inputs.ts';

export interface World {
  /** Cases in Yekaterinburg's district (region 66), which the consular account sees, and in Moscow's. */
  yekaterinburgCases: number[];
  moscowCases: number[];
  documentId: number;
  detaineeId: number;
  matchId: number;
  /** An account the sweep may disable and enable. */
  victimId: number;
  /** One account per role: `sweep-<role>`. */
  userIds: Record<UserRoleName, number>;
}

export const userOf = (role: UserRoleName) => `sweep-${role}`;

export async function countRows(db: Db, table: typeof cases | typeof users | typeof sessions | typeof auditLog): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
}

export async function addAccounts(db: Db, displayName: (role: UserRoleName, i: number) => string | null = () => null): Promise<Record<UserRoleName, number>> {
  const passwordHash = await hashPassword(PASSWORD);
  const ids = {} as Record<UserRoleName, number>;
  for (const [i, role] of ALL_ROLES.entries()) {
    const district = role === 'consular' ? 'yekaterinburg' : null;
    const user = await createUser(db, { username: userOf(role), role, passwordHash, district, displayName: displayName(role, i) });
    ids[role] = user.id;
  }
  return ids;
}

export async function seedWorld(db: Db): Promise<World> {
  const yekaterinburg = await addCourt(db, '66RS0001', 'Верх-Исетский районный суд г. Екатеринбурга', 'Свердловская область');
  const moscow = await addCourt(db, '77RS0001', 'Тверской районный суд г. Москвы', 'г. Москва');
  const caseIn = (courtId: number, n: number) =>
    addCase(db, {
      uid: `${courtId}-${n}`, caseNumber: `5-${n}/2026`, person: `АСАНОВ${n} Б.Т.`, decisionDate: '2026-11-20', appealDeadline: '2026-11-30', courtId,
    });
  const yekaterinburgCases = [await caseIn(yekaterinburg, 1), await caseIn(yekaterinburg, 2), await caseIn(yekaterinburg, 3)];
  const moscowCases = [await caseIn(moscow, 4), await caseIn(moscow, 5), await caseIn(moscow, 6)];
  const { detaineeId, matchId } = await addDetaineeMatch(db, yekaterinburgCases[0]!, 'ASANOV BAKYT');
  const [doc] = await db.select({ id: cases.documentId }).from(cases).where(eq(cases.id, yekaterinburgCases[0]!));
  const victim = await createUser(db, { username: 'sweep-victim', role: 'ngo', passwordHash: await hashPassword(PASSWORD) });
  return {
    yekaterinburgCases, moscowCases, documentId: doc!.id!, detaineeId, matchId, victimId: victim.id, userIds: await addAccounts(db),
  };
}

export interface HostileWorld {
  caseId: number;
  documentId: number;
  /** The detainee attached to the case by a candidate match, and the one imported from CSV. */
  matchedDetaineeId: number;
  importedDetaineeId: number;
}

const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * Payload numbers: 1 court name, 2 region, 3 case number, 4 defendant, 5 judge, 6-7 act text,
 * 8-9 article and part, 11 result, 12 matched detainee, 21-22 imported CSV row, 30+ display names.
 * Notes (14), followed names (15) and a new account (16) are typed in through the pages by the test.
 */
export async function seedHostileWorld(db: Db): Promise<HostileWorld> {
  const p = xssPayload;
  const court = await addCourt(db, '66RS0002', `Суд ${p(1)}`, `Область ${p(2)}`);
  const caseId = await addCase(db, {
    uid: 'xss', caseNumber: `5-${p(3)}`, person: `ИВАНОВ ${p(4)}`, decisionDate: '2026-11-20', appealDeadline: '2026-11-30', courtId: court,
    judge: p(5), actText: `${p(6)} гражданин Кыргызской Республики ${p(7)}`,
    analysis: { charges: [{ code: 'КоАП', article: `18.8${p(8)}`, part: p(9), item: null }] },
  });
  await db.update(cases).set({ sourceUrl: 'javascript:window.__xss=10', resultText: p(11) }).where(eq(cases.id, caseId));
  const [doc] = await db.select({ id: cases.documentId }).from(cases).where(eq(cases.id, caseId));
  const { detaineeId } = await addDetaineeMatch(db, caseId, `MAMYTOV ${p(12)}`);
  const csv = [
    'latin_name,cyrillic_name,birth_date,passport_number,detained_on,detention_place,detention_centre',
    ['ASANOV BAKYT', 'Асанов Бакыт', '01.01.1990', 'AN7654321', '2026-11-01', p(21), p(22)].map(csvField).join(','),
  ].join('\n');
  const report = await importDetainees(db, csv, { district: 'yekaterinburg' }, COMMAND_LINE_ACTOR);
  if (report.inserted !== 1) throw new Error(`the hostile CSV row was not imported: ${JSON.stringify(report.rejected)}`);
  const [imported] = await db.select({ id: detainees.id }).from(detainees).where(eq(detainees.passportNumber, 'AN7654321'));
  await addFormulaCase(db, court);
  return { caseId, documentId: doc!.id!, matchedDetaineeId: detaineeId, importedDetaineeId: imported!.id };
}

/** What a spreadsheet would run: each becomes a person's gender, a trend label and so a CSV cell. */
export const FORMULAS = ['=1+1', '+7(900)', '-2+3', '@SUM(A1)', '\t=cmd', '=HYPERLINK("http://evil.example","x")'];

async function addFormulaCase(db: Db, courtId: number): Promise<void> {
  const caseId = await addCase(db, {
    uid: 'formula', caseNumber: '5-777/2026', person: 'ОСМОНОВ У.', decisionDate: '2026-11-21', appealDeadline: '2026-12-01', courtId,
    analysis: {
      persons: FORMULAS.map((_, i) => ({ name: `ОСМОНОВ${i} У.`, normalized: null, role: 'person_charged' as const, citizenship: 'KG', gender: null, birthDate: null })),
    },
  });
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.caseId, caseId)).orderBy(persons.id);
  for (const [i, row] of rows.entries()) await db.update(persons).set({ gender: FORMULAS[i]! }).where(eq(persons.id, row.id));
}
