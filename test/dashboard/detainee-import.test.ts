// The detainee records page and the upload of a consulate file: what an officer sees after an
// import (counts, rejected lines, matches), that the same file twice changes nothing, and that
// NGO and analyst accounts, forged forms, oversized and spreadsheet files store nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import iconv from 'iconv-lite';
import { eq, sql } from 'drizzle-orm';
import { createDashboard } from '../../dashboard/server.ts';
import { auditLog, detainees } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { addCase } from './fixtures.ts';

const PASSWORD = 'correct horse battery';

const UTF8_FILE = [
  'latin_name,cyrillic_name,birth_date,passport_number,detained_on,detention_place,detention_centre',
  'ZHUMABEKOV AZAMAT,Жумабеков Азамат Бекович,04.05.1990,AN1234567,2026-11-01,Екатеринбург,ЦВСИГ ГУ МВД по Свердловской области',
  'AIGUL ASANBEK KYZY,Асанбек кызы Айгүл,1995-02-28,,02.11.2026,Москва,',
  'NURLAN TOKTOSUN UULU,,12.12.1988,ID 7654321,,Новосибирск,',
].join('\n');

// As Russian Excel saves it: Windows-1251, semicolons, Russian headers.
const CP1251_FILE = iconv.encode(
  ['ФИО;Дата рождения;Паспорт;Место задержания', 'Мамытов Бакыт;01.01.1985;AC1111111;Казань', 'Осмонова Гулнара;15.03.1992;;Самара'].join('\r\n'),
  'win1251',
);

const FILE_WITH_BAD_ROWS = [
  'latin_name;cyrillic_name;birth_date;passport_number',
  'SYDYKOV MEDET;Сыдыков Медет;02.02.1991;AC5555555', // line 2: good
  ';;01.01.1980;AC2222222', // line 3: no name
  'OSMONOV ULAN;Осмонов Улан;31.02.1990;AC3333333', // line 4: no such day
  'KADYROV TALANT;Кадыров Талант;05.06.1991;AC6666666', // line 5: good
].join('\n');

const HOSTILE_FILE = [
  'latin_name,birth_date,detention_place,district',
  'TOKTOGULOV ERMEK,03.03.1983,<script>alert(1)</script>,<img src=x onerror=alert(2)>',
].join('\n');

/** A form as the page's upload form posts it. */
function uploadForm(csrf: string | null, content: string | Uint8Array, name = 'detainees.csv', district = ''): FormData {
  const form = new FormData();
  if (csrf !== null) form.append('_csrf', csrf);
  form.append('district', district);
  form.append('file', new Blob([content], { type: 'text/csv' }), name);
  return form;
}

const countOf = (page: string, name: string) => Number(page.match(new RegExp(`data-count="${name}">(\\d+)<`))?.[1]);

describe.each(drivers)('detainee records page and upload on %s', (driver) => {
  let database: TestDatabase;
  const as = async (username: string) => {
    const client = new DashboardClient(createDashboard(database.db, { secureCookies: false }));
    expect((await client.login(username, PASSWORD)).status).toBe(303);
    return client;
  };
  const upload = async (client: DashboardClient, content: string | Uint8Array, name?: string, district?: string) =>
    client.postMultipart('/detainees/import', uploadForm(await client.csrfToken('/detainees'), content, name, district));
  const storedCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(detainees))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    for (const role of ['admin', 'consular', 'ngo', 'analyst'] as const) await addUser(database.db, role, role, PASSWORD);
    // A flagged court case of the first person in UTF8_FILE: the import should find it.
    await addCase(database.db, { uid: 'm1', caseNumber: '5-1/2026', person: 'ЖУМАБЕКОВ А.Б.', decisionDate: '2026-11-05', appealDeadline: '2026-11-15', courtId: null });
  });
  afterAll(async () => database?.destroy());
  afterEach(() => vi.restoreAllMocks());

  it('imports a UTF-8 file from a consular officer, shows the counts and the matches, and lists the records', async () => {
    const consul = await as('consular');
    const response = await upload(consul, UTF8_FILE, 'detainees.csv', 'yekaterinburg');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect([countOf(page, 'rows'), countOf(page, 'new'), countOf(page, 'updated'), countOf(page, 'unchanged'), countOf(page, 'rejected')]).toEqual([3, 3, 0, 0, 0]);
    expect(page).toContain('Candidate matches with court cases: 1 (1 new).');
    expect(page).toContain('href="/detainees"');

    const stored = await database.db.select().from(detainees);
    expect(stored.map((row) => row.latinName).sort()).toEqual(['AIGUL ASANBEK KYZY', 'NURLAN TOKTOSUN UULU', 'ZHUMABEKOV AZAMAT']);
    expect(stored.every((row) => row.district === 'yekaterinburg')).toBe(true);

    const list = await (await consul.request('/detainees')).text();
    const zhumabekov = stored.find((row) => row.latinName === 'ZHUMABEKOV AZAMAT')!;
    expect(list).toContain(`<a href="/detainees/${zhumabekov.id}">ZHUMABEKOV AZAMAT</a>`);
    expect(list).toContain('Жумабеков Азамат Бекович');
    expect(list).toContain('04.05.1990');
    expect(list).toContain('ЦВСИГ ГУ МВД по Свердловской области');
    expect(list).toContain('Yekaterinburg');
    expect(list).toContain('enctype="multipart/form-data"');
    expect(list).toContain('<a href="/detainees">Detainee records</a>');
    // Newest first: the last row of the file has the highest id.
    expect(list.indexOf('NURLAN TOKTOSUN UULU')).toBeLessThan(list.indexOf('ZHUMABEKOV AZAMAT'));
  });

  it('changes nothing when the same file comes again', async () => {
    const consul = await as('consular');
    const before = await storedCount();
    const page = await (await upload(consul, UTF8_FILE, 'detainees.csv', 'yekaterinburg')).text();
    expect([countOf(page, 'rows'), countOf(page, 'new'), countOf(page, 'updated'), countOf(page, 'unchanged')]).toEqual([3, 0, 0, 3]);
    expect(page).toContain('No record was added or changed, so matching did not run.');
    expect(await storedCount()).toBe(before);
  });

  it('reads a Windows-1251 file with semicolons and Russian headers, from an admin', async () => {
    const admin = await as('admin');
    const page = await (await upload(admin, CP1251_FILE)).text();
    expect([countOf(page, 'rows'), countOf(page, 'new')]).toEqual([2, 2]);
    const [stored] = await database.db.select().from(detainees).where(eq(detainees.passportNumber, 'AC1111111'));
    expect(stored).toMatchObject({ cyrillicName: 'Мамытов Бакыт', birthDate: '1985-01-01', detentionPlace: 'Казань', district: null });
    const list = await (await admin.request('/detainees')).text();
    expect(list).toContain('Осмонова Гулнара');
  });

  it('lists each malformed row with its line and reason, and imports the good ones', async () => {
    const consul = await as('consular');
    const page = await (await upload(consul, FILE_WITH_BAD_ROWS)).text();
    expect([countOf(page, 'rows'), countOf(page, 'new'), countOf(page, 'rejected')]).toEqual([4, 2, 2]);
    expect(page).toMatch(/<td class="count">3<\/td><td>no name \(latin_name or cyrillic_name\)<\/td>/);
    expect(page).toMatch(/<td class="count">4<\/td><td>birth_date is not a calendar date<\/td>/);
    const good = await database.db.select().from(detainees).where(sql`${detainees.passportNumber} in ('AC5555555', 'AC6666666', 'AC3333333')`);
    expect(good.map((row) => row.passportNumber).sort()).toEqual(['AC5555555', 'AC6666666']);
  });

  it("says why a row was rejected in the officer's language", async () => {
    const consul = await as('consular');
    const csrf = await consul.csrfToken('/detainees');
    // The language answer sets its own cookie; the client keeps one: the session's is put back.
    const session = consul.cookie;
    const choose = async (language: string) => {
      expect((await consul.post('/settings/language', { _csrf: csrf, language, back: '/detainees' })).status).toBe(303);
      consul.cookie = session;
    };
    for (const [language, noName, notCalendar] of [
      ['ru', 'нет имени (latin_name или cyrillic_name)', 'birth_date: такого дня нет в календаре'],
      ['ky', 'аты жок (latin_name же cyrillic_name)', 'birth_date: мындай күн календарда жок'],
    ]) {
      await choose(language!);
      const page = await (await upload(consul, FILE_WITH_BAD_ROWS)).text();
      expect(page, language).toContain(`<td class="count">3</td><td>${noName}</td>`);
      expect(page, language).toContain(`<td class="count">4</td><td>${notCalendar}</td>`);
      expect(page, language).not.toContain('not a calendar date');
    }
    // The choice is the account's: back to English for the other tests.
    await choose('en');
  });

  it('shows names and places from the file as text, never as markup', async () => {
    const consul = await as('consular');
    expect((await upload(consul, HOSTILE_FILE)).status).toBe(200);
    const list = await (await consul.request('/detainees')).text();
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(list).not.toContain('<script>alert');
    expect(list).not.toContain('<img src=x');
  });

  it('writes the import to the audit log with the officer and counts only', async () => {
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'detainees.import'));
    const first = audits.find((audit) => audit.actor === 'consular');
    expect(first?.details).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(audits.map((audit) => audit.actor)).toContain('admin');
    expect(JSON.stringify(audits)).not.toMatch(/ZHUMABEKOV|Жумабеков|Мамытов|AN1234567/);
  });

  it('pages through the records 100 at a time and filters them by district', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `PAGED PERSON,0${(i % 9) + 1}.01.19${String(10 + Math.floor(i / 9)).padStart(2, '0')},PG${String(1_000_000 + i)}`);
    const admin = await as('admin');
    const imported = await (await upload(admin, ['latin_name,birth_date,passport_number', ...rows].join('\n'), 'paged.csv', 'novosibirsk')).text();
    expect(countOf(imported, 'new')).toBe(150);
    const total = await storedCount();
    const first = await (await admin.request('/detainees')).text();
    expect(first).toContain(`${total} record(s), newest first. Page 1 of ${Math.ceil(total / 100)}.`);
    expect(first.match(/<tr>\s*<td><a href="\/detainees\/\d+">/g)).toHaveLength(100);
    expect(first).toContain('href="/detainees?page=2" rel="next"');
    const second = await (await admin.request('/detainees?page=2')).text();
    expect(second.match(/<tr>\s*<td><a href="\/detainees\/\d+">/g)).toHaveLength(total - 100);
    expect(second).toContain('href="/detainees" rel="prev"');

    const district = await (await admin.request('/detainees?district=yekaterinburg')).text();
    expect(district).toContain('3 record(s), newest first. Page 1 of 1.');
    expect(district).not.toContain('PAGED PERSON');
    const novosibirsk = await (await admin.request('/detainees?district=novosibirsk&page=2')).text();
    expect(novosibirsk.match(/<tr>\s*<td><a href="\/detainees\/\d+">/g)).toHaveLength(50);
    expect(novosibirsk).toContain('href="/detainees?district=novosibirsk" rel="prev"');
    // A stale or hand-made query still opens the list.
    expect((await admin.request('/detainees?page=abc&district=nowhere')).status).toBe(200);
  });

  it('refuses NGO and analyst accounts on both routes and shows them no name', async () => {
    const before = await storedCount();
    for (const role of ['ngo', 'analyst']) {
      const client = await as(role);
      const list = await client.request('/detainees');
      expect(list.status, role).toBe(403);
      expect(await list.text()).not.toMatch(/ZHUMABEKOV|Жумабеков/);
      // A valid token of their own session: only the role stops them.
      const csrf = await client.csrfToken('/trends');
      const posted = await client.postMultipart('/detainees/import', uploadForm(csrf, 'latin_name,birth_date\nNEW PERSON,01.01.1990\n'));
      expect(posted.status, role).toBe(403);
      expect(await posted.text()).not.toMatch(/ZHUMABEKOV|Жумабеков|NEW PERSON/);
      const trends = await (await client.request('/trends')).text();
      expect(trends).not.toContain('href="/detainees"');
    }
    expect(await storedCount()).toBe(before);
  });

  it('refuses an upload without the session\'s CSRF token or from another site, and stores nothing', async () => {
    const consul = await as('consular');
    const before = await storedCount();
    const file = 'latin_name,birth_date\nFORGED PERSON,01.01.1990\n';
    expect((await consul.postMultipart('/detainees/import', uploadForm(null, file))).status).toBe(403);
    expect((await consul.postMultipart('/detainees/import', uploadForm('forged', file))).status).toBe(403);
    const csrf = await consul.csrfToken('/detainees');
    expect((await consul.postMultipart('/detainees/import', uploadForm(csrf, file), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await storedCount()).toBe(before);
  });

  it('answers an upload from a visitor without a session or the role before reading its body', async () => {
    /** A multipart body that starts and never ends: a server that read it would never answer. */
    const endless = () => ({
      method: 'POST',
      duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=kuzet' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('--kuzet\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nlatin_name\n'));
        },
      }),
    }) as RequestInit;
    const withinTwoSeconds = (response: Promise<Response>) =>
      Promise.race([response, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the body was waited for')), 2000))]);
    const visitor = new DashboardClient(createDashboard(database.db, { secureCookies: false }));
    const anonymous = await withinTwoSeconds(visitor.request('/detainees/import', endless()));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fdetainees%2Fimport');
    const ngo = await as('ngo');
    expect((await withinTwoSeconds(ngo.request('/detainees/import', endless()))).status).toBe(403);
  });

  it('refuses a file over 5 MB with 413, whether or not its size is declared, and stores nothing', async () => {
    const consul = await as('consular');
    const before = await storedCount();
    const line = 'OVERSIZE PERSON,01.01.1990\n';
    const big = 'latin_name,birth_date\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length) + 10);
    const streamed = await upload(consul, big);
    expect(streamed.status).toBe(413);
    expect(await streamed.text()).toMatch(/too large: at most 5 MB/);
    const declared = await consul.request('/detainees/import', { method: 'POST', body: 'x', headers: { 'content-length': String(6 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(await storedCount()).toBe(before);
    // Just under the limit is still read.
    const under = await upload(consul, 'latin_name,birth_date,passport_number\nUNDER LIMIT,01.01.1990,UL1234567\n' + '\n'.repeat(4 * 1024 * 1024));
    expect(under.status).toBe(200);
    expect(await storedCount()).toBe(before + 1);
  });

  it('refuses a spreadsheet, a missing file and an empty one with 400 and advice', async () => {
    const consul = await as('consular');
    const before = await storedCount();
    const xlsx = await upload(consul, 'latin_name,birth_date\nSHEET PERSON,01.01.1990\n', 'detainees.xlsx');
    expect(xlsx.status).toBe(400);
    expect(await xlsx.text()).toContain('Save the sheet as CSV (UTF-8 or Windows-1251, comma or semicolon) and import that.');
    // An .xlsx renamed to .csv is still a zip.
    const renamed = await upload(consul, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'detainees.csv');
    expect(renamed.status).toBe(400);
    expect(await renamed.text()).toContain('Save the sheet as CSV');
    const empty = await upload(consul, '', 'empty.csv');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose a CSV file to import.');
    const form = new FormData();
    form.append('_csrf', await consul.csrfToken('/detainees'));
    const missing = await consul.postMultipart('/detainees/import', form);
    expect(missing.status).toBe(400);
    const binary = await upload(consul, new Uint8Array([0x6c, 0x61, 0x74, 0x00, 0x01, 0x02]), 'detainees.csv');
    expect(binary.status).toBe(400);
    expect(await binary.text()).toContain('This file is not CSV text.');
    const badDistrict = await upload(consul, 'latin_name,birth_date\nSHEET PERSON,01.01.1990\n', 'detainees.csv', 'atlantis');
    expect(badDistrict.status).toBe(400);
    expect(await storedCount()).toBe(before);
  });

  it('says only that nothing changed when the database refuses the import, and logs no name', async () => {
    await database.db.execute(sql`create function refuse_detainee() returns trigger language plpgsql as $$
      begin raise exception 'refused row %', new.latin_name; end $$`);
    await database.db.execute(sql`create trigger refuse_detainee before insert on detainees for each row execute function refuse_detainee()`);
    try {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const consul = await as('consular');
      const before = await storedCount();
      const response = await upload(consul, 'latin_name,birth_date,passport_number\nSECRET NAME,01.01.1990,SN1234567\nOTHER NAME,02.02.1990,SN7654321\n');
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(page).toContain('The import failed and nothing was changed.');
      expect(page).not.toContain('SECRET NAME');
      expect(page).not.toContain('refused row');
      expect(await storedCount()).toBe(before);
      expect(errors).toHaveBeenCalled();
      expect(JSON.stringify(errors.mock.calls)).not.toMatch(/SECRET NAME|refused row/);
      const [failed] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'detainees.import_failed'));
      expect(failed?.details).toMatchObject({ rows: 2 });
    } finally {
      await database.db.execute(sql`drop trigger refuse_detainee on detainees`);
      await database.db.execute(sql`drop function refuse_detainee()`);
    }
  });
});
