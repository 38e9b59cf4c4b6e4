// Daily digests per consular district, on both drivers: mailed through a local SMTP sink to
// the district's consular officers with exactly the new flagged cases, names shortened,
// hostile court text escaped in the HTML; recorded, so the next digest lists only newer cases;
// written to the outbox when no SMTP server is configured.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertCourts } from '../../db/queries/courts.ts';
import { storeCaseAnalysis } from '../../db/queries/store-analysis.ts';
import { createUser } from '../../db/queries/users.ts';
import { courts, digestCases, documents, reviews, users } from '../../db/schema.ts';
import { storeDocument } from '../../db/queries/documents.ts';
import type { Db } from '../../db/client.ts';
import { writeDailyDigest } from '../../notifications/daily-digest.ts';
import { surnameAndInitials } from '../../notifications/render-digest.ts';
import { outboxTransport, smtpTransport } from '../../notifications/transport.ts';
import { sampleAnalysis, sampleCard } from '../helpers/seed-case.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';

const HOSTILE_COURT = 'Суд <img src=x onerror="alert(1)"> & <script>alert(2)</script>';

async function startSmtpSink(): Promise<{ url: string; messages: ParsedMail[]; close(): Promise<void> }> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function seedFlaggedCase(db: Db, courtCode: string, caseNumber: string, courtName: string, personName = 'МАМЫТОВ Азамат Бекович'): Promise<number> {
  const [court] = await db.select().from(courts).where(eq(courts.code, courtCode));
  const card = sampleCard({ caseNumber, caseUid: `${courtCode}-${caseNumber}`, courtName });
  const analysis = sampleAnalysis(card.actText ?? '', {
    persons: [{ name: personName, normalized: personName, role: 'person_charged', citizenship: 'KG', gender: 'm', birthDate: null }],
  });
  const url = `http://court.example/${courtCode}/${caseNumber}`;
  const text = `<html>${card.actText}</html>`;
  await storeDocument(db, {
    url, requestKey: url, source: 'sudrf', kind: 'card', courtId: court!.id, runId: null, httpStatus: 200, headers: {},
    encoding: 'utf-8', raw: new TextEncoder().encode(text), text, status: 'ok', parsed: card,
  });
  const [doc] = await db.select().from(documents).where(eq(documents.url, url));
  return storeCaseAnalysis(db, { documentId: doc!.id, contentHash: doc!.contentHash, sourceUrl: url, courtId: court!.id, courtCode, courtName }, card, analysis);
}

describe.each(drivers)('daily digests on %s', (driver) => {
  let database: TestDatabase;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    sink = await startSmtpSink();
    const db = database.db;
    await upsertCourts(db, [
      { source: 'sudrf', code: '66RS0001', name: 'Верх-Исетский районный суд', regionCode: '66', baseUrl: 'http://court.example/66' },
      { source: 'sudrf', code: '77RS0002', name: 'Тверской районный суд', regionCode: '77', baseUrl: 'http://court.example/77' },
    ]);
    await seedFlaggedCase(db, '66RS0001', '5-101/2026', 'Верх-Исетский районный суд г. Екатеринбурга');
    await seedFlaggedCase(db, '66RS0001', '5-102/2026', HOSTILE_COURT, 'Жумабеков <b>Алмаз</b> Токтогулович');
    const dismissed = await seedFlaggedCase(db, '66RS0001', '5-103/2026', 'Верх-Исетский районный суд г. Екатеринбурга');
    await db.update(reviews).set({ status: 'dismissed' }).where(eq(reviews.caseId, dismissed));
    await seedFlaggedCase(db, '77RS0002', '5-201/2026', 'Тверской районный суд г. Москвы');
    const officer = await createUser(db, { username: 'ekb-officer', passwordHash: 'x', role: 'consular', district: 'yekaterinburg' });
    await db.update(users).set({ email: 'officer@consulate.example' }).where(eq(users.id, officer.id));
    await createUser(db, { username: 'msk-officer', passwordHash: 'x', role: 'consular', district: 'moscow' }); // no e-mail
    const analyst = await createUser(db, { username: 'analyst', passwordHash: 'x', role: 'analyst', district: 'yekaterinburg' });
    await db.update(users).set({ email: 'analyst@ngo.example' }).where(eq(users.id, analyst.id));
  });
  afterAll(async () => {
    await sink?.close();
    await database?.destroy();
  });

  it('mails each district with officers the new flagged cases, escaped and with short names', async () => {
    const transport = smtpTransport(sink.url);
    const summary = await writeDailyDigest(database.db, new Date('2026-11-23T06:00:00Z'), transport);
    transport.close();
    expect(summary.digestDate).toBe('2026-11-23');
    expect(summary.districts).toContainEqual({ district: 'yekaterinburg', cases: 2, recipients: 1, channel: 'smtp' });
    expect(summary.districts.find((d) => d.district === 'moscow')?.skipped).toMatch(/no consular officer/);
    expect(JSON.stringify(summary)).not.toMatch(/Мамытов|МАМЫТОВ|@/u);

    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value.map((v) => v.address))).toEqual(['officer@consulate.example']);
    expect(mail.subject).toContain('2 новых дел');
    const text = mail.text ?? '';
    expect(text).toContain('5-101/2026');
    expect(text).toContain('5-102/2026');
    expect(text).not.toContain('5-103/2026'); // dismissed in triage
    expect(text).not.toContain('5-201/2026'); // another district
    expect(text).toContain('Мамытов А.Б.');
    expect(text).not.toContain('Азамат');
    expect(text).toContain('ч. 1.1 ст. 18.8 КоАП');
    expect(text).toContain('штраф 2');
    expect(text).toContain('30.11.2026'); // appeal deadline
    const html = String(mail.html);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toMatch(/<script>|<img|<b>/);
  });

  it('lists only newer cases in the next digest', async () => {
    const transport = smtpTransport(sink.url);
    await writeDailyDigest(database.db, new Date('2026-11-24T06:00:00Z'), transport);
    expect(sink.messages).toHaveLength(1); // nothing new: nothing sent
    await seedFlaggedCase(database.db, '66RS0001', '5-104/2026', 'Верх-Исетский районный суд г. Екатеринбурга');
    const summary = await writeDailyDigest(database.db, new Date('2026-11-25T06:00:00Z'), transport);
    transport.close();
    expect(summary.districts.filter((d) => !d.skipped)).toEqual([{ district: 'yekaterinburg', cases: 1, recipients: 1, channel: 'smtp' }]);
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[1]!.text).toContain('5-104/2026');
    expect(sink.messages[1]!.text).not.toContain('5-101/2026');
  });

  it('writes to the outbox when there is no SMTP server, and records it', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'kuzet-outbox-'));
    const summary = await writeDailyDigest(database.db, new Date('2026-11-25T06:00:00Z'), outboxTransport(outbox));
    expect(summary.districts).toEqual([{ district: 'moscow', cases: 1, recipients: 0, channel: 'outbox' }]);
    expect(readdirSync(outbox)).toEqual(['moscow-2026-11-25.eml']);
    const mail = await simpleParser(readFileSync(join(outbox, 'moscow-2026-11-25.eml')));
    expect(mail.text).toContain('5-201/2026');
    const told = await database.db.select().from(digestCases).where(eq(digestCases.district, 'moscow'));
    expect(told).toHaveLength(1);
  });
});

describe('names in digests', () => {
  it('keeps the surname and initials only', () => {
    expect(surnameAndInitials('МАМЫТОВ Азамат Бекович')).toBe('Мамытов А.Б.');
    expect(surnameAndInitials('Жумабеков А.Т.')).toBe('Жумабеков А.Т.');
    expect(surnameAndInitials('Бакыт уулу Нурлан')).toBe('Бакыт уулу Н.');
    expect(surnameAndInitials('ФИО1')).toBe('ФИО1');
  });
});
