// The daily digest run: for each consular district with newly flagged cases, one message to
// the district's consular officers (or the outbox), and a record of which cases it listed, so
// the next digest lists only newer ones. Returns counts: never names or addresses (logs).
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { digestCases, digests, users } from '../db/schema.ts';
import type { DistrictName } from '../dashboard/config/districts.ts';
import { casesToNotify } from './new-cases.ts';
import { renderDigest } from './render-digest.ts';
import type { DigestTransport } from './transport.ts';

export interface DigestRunSummary {
  digestDate: string;
  districts: { district: string; cases: number; recipients: number; channel: string; skipped?: string }[];
}

const DISTRICT_LABELS: Record<string, string> = {
  moscow: 'Посольство, Москва',
  yekaterinburg: 'Генеральное консульство, Екатеринбург',
  novosibirsk: 'Генеральное консульство, Новосибирск',
  honorary: 'почётные консулы',
};

/** The day of `now` in Moscow, where the courts and the consular service work. */
export function digestDateOf(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

async function recipientsOf(db: Db, district: DistrictName): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'consular'), eq(users.district, district), eq(users.disabled, false), isNotNull(users.email)));
  return rows.map((row) => row.email!).filter((email) => email.includes('@'));
}

export async function writeDailyDigest(db: Db, now: Date, transport: DigestTransport): Promise<DigestRunSummary> {
  const digestDate = digestDateOf(now);
  const summary: DigestRunSummary = { digestDate, districts: [] };
  for (const [district, entries] of await casesToNotify(db)) {
    const recipients = await recipientsOf(db, district);
    if (transport.channel === 'smtp' && recipients.length === 0) {
      // Nobody to mail: the cases stay pending for this district until an officer is set up.
      summary.districts.push({ district, cases: entries.length, recipients: 0, channel: 'smtp', skipped: 'no consular officer with an e-mail address' });
      continue;
    }
    const message = renderDigest(DISTRICT_LABELS[district] ?? district, digestDate, entries);
    const sent = await transport.send({ ...message, district, digestDate, to: recipients });
    // Recorded after sending: a crash in between sends the cases again tomorrow rather than never.
    await db.transaction(async (tx) => {
      const [digest] = await tx
        .insert(digests)
        .values({ district, digestDate, channel: sent.channel, recipientCount: recipients.length, caseCount: entries.length, reference: sent.reference })
        .returning({ id: digests.id });
      await tx
        .insert(digestCases)
        .values(entries.map((entry) => ({ digestId: digest!.id, district, caseId: entry.caseId })))
        .onConflictDoNothing();
    });
    summary.districts.push({ district, cases: entries.length, recipients: recipients.length, channel: sent.channel });
  }
  return summary;
}
