import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { createUser, type User } from '../../db/queries/users.ts';
import { DetaineeAccessDenied, getDetainee, importDetainees, listDetainees } from '../../db/queries/detainees.ts';
import { RecheckTooSoon, checkEntryBan } from '../../crawlers/sources/entry-ban/check.ts';
import { parseEntryBanAnswer } from '../../crawlers/sources/entry-ban/parse-answer.ts';
import { entryBanSource } from '../../crawlers/sources/entry-ban/index.ts';
import { auditLog, documents, hosts } from '../../db/schema.ts';
import { ANSWERS, startEntryBanService, type FakeEntryBanService } from './entry-ban-service.ts';

describe('parseEntryBanAnswer', () => {
  it.each([
    [ANSWERS.ban, 'ban'],
    ['<p>Въезд в Российскую Федерацию не разрешён</p>', 'ban'],
    [ANSWERS.noData, 'no_data'],
    [ANSWERS.captcha, 'unknown'],
    [ANSWERS.unrecognised, 'unknown'],
  ])('reads %s', (html, result) => {
    expect(parseEntryBanAnswer(html, 200).result).toBe(result);
  });

  it('never calls a captcha page a ban, even when it repeats the phrase', () => {
    const page = `<form><img src="/captcha.png"></form><p>Если въезд не разрешен, вы увидите…</p>`;
    expect(parseEntryBanAnswer(page, 200)).toEqual({ result: 'unknown', reason: 'captcha: check this person by hand on the service' });
  });

  it('has nothing to crawl in bulk', async () => {
    expect(await entryBanSource.seedRequests({ db: null as never, since: '2026-01-01', until: '2026-12-31', courtCodes: [] })).toEqual([]);
  });
});

const FILE = [
  'latin_name,cyrillic_name,birth_date,passport_number',
  'ZHUMABEKOV AZAMAT,Жумабеков Азамат Бекович,04.05.1990,AN1234567',
  'MAMYTOV BAKYT,Мамытов Бакыт,01.01.1985,AN2222222',
  'NURLAN ASANBEK UULU,Асанбек уулу Нурлан,12.12.1988,AN3333333',
  'OSMONOV ULAN,Осмонов Улан,03.03.1993,AN4444444',
].join('\n');

describe.each(drivers)('checkEntryBan on %s', (driver) => {
  let database: TestDatabase;
  let service: FakeEntryBanService;
  let consul: User;
  const ids: Record<string, number> = {};
  const fast = () => ({ serviceUrl: service.url, minHostIntervalMs: 0, minProcessIntervalMs: 0, timeoutMs: 5000 });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    service = await startEntryBanService();
    consul = await createUser(database.db, { username: 'consul', passwordHash: 'x', role: 'consular' });
    await importDetainees(database.db, FILE, {}, consul);
    for (const detainee of await listDetainees(database.db, consul)) ids[detainee.latinName!.split(' ')[0]!] = detainee.id;
  });
  afterAll(async () => {
    await service?.close();
    await database?.destroy();
  });

  it('asks about one person with names in both scripts, birth date and passport, and stores the dated answer', async () => {
    const check = await checkEntryBan(database.db, ids.ZHUMABEKOV!, consul, fast());
    expect(check).toMatchObject({ detaineeId: ids.ZHUMABEKOV, result: 'ban', reason: null, requestedBy: consul.id });
    expect(service.asked).toHaveLength(1);
    expect(Object.fromEntries(service.asked[0]!)).toMatchObject({
      fio: 'Жумабеков Азамат Бекович', fio_lat: 'ZHUMABEKOV AZAMAT', birthdate: '04.05.1990', doc_num: 'AN1234567',
    });
    const [document] = await database.db.select().from(documents).where(eq(documents.id, check.documentId!));
    expect(document).toMatchObject({ source: 'entry-ban', status: 'ok', httpStatus: 200 });
    expect(new TextDecoder().decode(document!.raw)).toBe(ANSWERS.ban);
    expect((await getDetainee(database.db, consul, ids.ZHUMABEKOV!))?.entryBan?.result).toBe('ban');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'detainee.entry_ban_check'));
    expect(audit).toMatchObject({ actor: 'consul', entityId: String(ids.ZHUMABEKOV) });
    expect(audit?.details).toEqual({ result: 'ban', checkId: check.id });
  });

  it('stores «Данных нет» as no data', async () => {
    expect((await checkEntryBan(database.db, ids.MAMYTOV!, consul, fast())).result).toBe('no_data');
  });

  it('stores a captcha as unknown, with the reason, and keeps the page', async () => {
    const check = await checkEntryBan(database.db, ids.NURLAN!, consul, fast());
    expect(check).toMatchObject({ result: 'unknown', reason: 'captcha: check this person by hand on the service' });
    const [document] = await database.db.select().from(documents).where(eq(documents.id, check.documentId!));
    expect(document?.status).toBe('captcha');
  });

  it('cools the service host down after HTTP 429 and does not ask again meanwhile', async () => {
    const first = await checkEntryBan(database.db, ids.OSMONOV!, consul, fast());
    expect(first.result).toBe('unknown');
    const [host] = await database.db.select().from(hosts).where(eq(hosts.host, new URL(service.url).host));
    expect(host?.cooldownUntil?.getTime()).toBeGreaterThan(Date.now() + 60_000);
    const asked = service.asked.length;
    const second = await checkEntryBan(database.db, ids.MAMYTOV!, consul, { ...fast(), minRecheckMs: 0 });
    expect(second).toMatchObject({ result: 'unknown', documentId: null });
    expect(second.reason).toMatch(/cooling down/);
    expect(service.asked).toHaveLength(asked);
  });

  it('refuses to ask about the same person again too soon', async () => {
    await expect(checkEntryBan(database.db, ids.ZHUMABEKOV!, consul, fast())).rejects.toThrow(RecheckTooSoon);
  });

  it('refuses NGO and analyst accounts before asking anything', async () => {
    const asked = service.asked.length;
    for (const role of ['ngo', 'analyst'] as const) {
      const user = await createUser(database.db, { username: role, passwordHash: 'x', role });
      await expect(checkEntryBan(database.db, ids.MAMYTOV!, user, fast())).rejects.toThrow(DetaineeAccessDenied);
      await expect(getDetainee(database.db, user, ids.MAMYTOV!)).rejects.toThrow(DetaineeAccessDenied);
      await expect(listDetainees(database.db, user)).rejects.toThrow(DetaineeAccessDenied);
    }
    expect(service.asked).toHaveLength(asked);
  });
});
