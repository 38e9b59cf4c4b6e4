import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDashboard } from '../../dashboard/server.ts';
import { auditLog, crawlRuns, courts, documents, hosts, users } from '../../db/schema.ts';
import { storeDocument } from '../../db/queries/documents.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { addCase, addCourt, addDetaineeMatch } from './fixtures.ts';

const PASSWORD = 'correct horse battery';

describe.each(drivers)('dashboard features on %s', (driver) => {
  let database: TestDatabase;
  const ids = { a: 0, b: 0, c: 0, courtA: 0, detainee: 0, match: 0, consul: 0 };
  const app = () => createDashboard(database.db, { secureCookies: false, now: () => new Date('2026-11-28T09:00:00Z') });
  const as = async (username: string) => {
    const client = new DashboardClient(app());
    expect((await client.login(username, PASSWORD)).status).toBe(303);
    return client;
  };
  const page = async (client: DashboardClient, path: string) => (await client.request(path)).text();

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const db = database.db;
    ids.courtA = await addCourt(db, '66RS0001', 'Верх-Исетский районный суд', 'Свердловская область');
    const courtB = await addCourt(db, '54RS0005', 'Кировский районный суд г. Новосибирска', 'Новосибирская область');
    const courtC = await addCourt(db, '77RS0010', 'Мещанский районный суд', '=HYPERLINK("http://evil.example")');
    ids.a = await addCase(db, { uid: 'a', caseNumber: '5-1/2026', person: 'МАМЫТОВ А.Б.', decisionDate: '2026-11-20', appealDeadline: '2026-11-30', courtId: ids.courtA });
    ids.b = await addCase(db, {
      uid: 'b', caseNumber: '5-2/2026', person: 'ТОКТОГУЛОВА Б.К.', decisionDate: '2026-10-05', appealDeadline: '2026-10-15', courtId: courtB,
      analysis: {
        kyrgyz: { flag: 'possible', confidence: 0.6, evidence: [] },
        persons: [{ name: 'ТОКТОГУЛОВА Б.К.', normalized: 'Токтогулова Б.К.', role: 'person_charged', citizenship: null, gender: 'f', birthDate: null }],
        charges: [{ code: 'КоАП', article: '18.10', part: '1', item: null }],
        outcomes: [{ kind: 'expulsion_self' }],
      },
    });
    ids.c = await addCase(db, {
      uid: 'c', caseNumber: '1-3/2026', person: 'АСАНОВ Н.', decisionDate: '2026-11-25', appealDeadline: '2026-12-10', courtId: courtC,
      analysis: { charges: [{ code: 'УК', article: '322', part: '2', item: null }], outcomes: [{ kind: 'detention_center' }] },
    });
    ({ detaineeId: ids.detainee, matchId: ids.match } = await addDetaineeMatch(db, ids.a, 'MAMYTOV AZAMAT'));
    for (const [name, role] of [['consul', 'consular'], ['siberia', 'consular'], ['ngo', 'ngo'], ['analyst', 'analyst'], ['admin', 'admin']] as const) {
      await addUser(db, name, role);
    }
    await db.update(users).set({ district: 'novosibirsk' }).where(eq(users.username, 'siberia'));
    await db.update(users).set({ displayName: 'Consul Asel' }).where(eq(users.username, 'consul'));
    ids.consul = (await db.select().from(users).where(eq(users.username, 'consul')))[0]!.id;
  });
  afterAll(async () => database?.destroy());

  it('filters the queue by district, region, court, article, outcome, flag and dates', async () => {
    const client = await as('consul');
    const shown = async (query: string) => {
      const html = await page(client, `/${query}`);
      return ['МАМЫТОВ', 'ТОКТОГУЛОВА', 'АСАНОВ'].filter((name) => html.includes(name));
    };
    expect(await shown('')).toEqual(['МАМЫТОВ', 'ТОКТОГУЛОВА', 'АСАНОВ']);
    expect(await shown('?district=yekaterinburg')).toEqual(['МАМЫТОВ']);
    expect(await shown('?district=moscow')).toEqual(['АСАНОВ']);
    expect(await shown('?region=54')).toEqual(['ТОКТОГУЛОВА']);
    expect(await shown(`?court=${ids.courtA}`)).toEqual(['МАМЫТОВ']);
    expect(await shown('?article=18.10')).toEqual(['ТОКТОГУЛОВА']);
    expect(await shown('?outcome=detention_center')).toEqual(['АСАНОВ']);
    expect(await shown('?strength=possible')).toEqual(['ТОКТОГУЛОВА']);
    expect(await shown('?from=2026-11-01&to=2026-11-22')).toEqual(['МАМЫТОВ']);
    expect(await shown('?from=1.11.2026&to=22.11.2026')).toEqual(['МАМЫТОВ']);
    expect(await shown('?from=31.02.2026&to=2026-13-45')).toEqual(['МАМЫТОВ', 'ТОКТОГУЛОВА', 'АСАНОВ']);
    expect(await shown('?region=<script>&from=yesterday')).toEqual(['МАМЫТОВ', 'ТОКТОГУЛОВА', 'АСАНОВ']);
    expect(await shown('?court=99999999999')).toEqual(['МАМЫТОВ', 'ТОКТОГУЛОВА', 'АСАНОВ']);
    expect((await client.request('/cases/99999999999')).status).toBe(404);
    // newest decision first
    const html = await page(client, '/');
    expect(html.indexOf('АСАНОВ')).toBeLessThan(html.indexOf('МАМЫТОВ'));
    // a consul with a district sees it by default, and can lift it
    const siberia = await as('siberia');
    expect(await page(siberia, '/')).not.toContain('МАМЫТОВ');
    expect(await page(siberia, '/?district=all')).toContain('МАМЫТОВ');
  });

  it('assigns a case and keeps the note when a quick action changes the status, all audited', async () => {
    const client = await as('consul');
    const csrf = await client.csrfToken(`/cases/${ids.c}`);
    let response = await client.post(`/cases/${ids.c}/review`, { _csrf: csrf, status: 'new', note: 'call the family', assignedTo: String(ids.consul) });
    expect(response.status).toBe(303);
    expect(await page(client, '/')).toContain('Consul Asel');
    response = await client.post(`/cases/${ids.c}/review`, { _csrf: csrf, status: 'needs_follow_up', back: '/?district=moscow' });
    expect(response.headers.get('location')).toBe('/?district=moscow');
    expect(await page(client, `/cases/${ids.c}`)).toContain('call the family');
    const ngoView = await page(await as('ngo'), `/cases/${ids.c}`);
    expect(ngoView).toContain('new → needs follow-up');
    expect(ngoView).not.toContain('call the family');
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.entityId, String(ids.c))).orderBy(auditLog.id);
    expect(entries.map((e) => e.details)).toEqual([
      { from: 'new', to: 'new', note: 'call the family', assignedFrom: null, assignedTo: ids.consul },
      { from: 'new', to: 'needs_follow_up', note: 'call the family' },
    ]);
    expect((await client.post(`/cases/${ids.c}/review`, { _csrf: csrf, status: 'new', back: 'https://evil.example/' })).headers.get('location')).toBe(`/cases/${ids.c}`);
  });

  it('shows candidate matches to consular staff only, and audits their decision', async () => {
    const consul = await as('consul');
    expect(await page(consul, `/cases/${ids.a}`)).toContain('MAMYTOV AZAMAT');
    const csrf = await consul.csrfToken(`/cases/${ids.a}`);
    expect((await consul.post(`/matches/${ids.match}/review`, { _csrf: csrf, decision: 'confirmed' })).status).toBe(303);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'match.confirmed'));
    expect(entry).toMatchObject({ actor: 'consul', entityId: String(ids.match) });
    expect(await page(consul, `/detainees/${ids.detainee}`)).toContain('ЦВСИГ Екатеринбург');

    const ngo = await as('ngo');
    const casePage = await page(ngo, `/cases/${ids.a}`);
    expect(casePage).toContain('МАМЫТОВ');
    expect(casePage).not.toContain('MAMYTOV AZAMAT');
    expect((await ngo.request(`/detainees/${ids.detainee}`)).status).toBe(403);
    await storeDocument(database.db, {
      url: 'http://mvd.example/check?1', requestKey: 'entry-ban:1', source: 'entry-ban', kind: 'entry_ban', courtId: null, runId: null, httpStatus: 200,
      headers: {}, encoding: 'utf-8', raw: new Uint8Array([1]), text: 'Въезд не разрешен MAMYTOV', status: 'ok', parsed: null,
    });
    const [answer] = await database.db.select().from(documents).where(eq(documents.source, 'entry-ban'));
    expect((await ngo.request(`/documents/${answer!.id}/raw`)).status).toBe(404);
    expect((await consul.request(`/documents/${answer!.id}/raw`)).status).toBe(200);
  });

  it('lets an NGO follow a case and a person and see what changed since the last visit', async () => {
    const ngo = await as('ngo');
    const csrf = await ngo.csrfToken(`/cases/${ids.b}`);
    await ngo.post(`/cases/${ids.b}/follow`, { _csrf: csrf });
    await ngo.post(`/cases/${ids.a}/follow-person`, { _csrf: csrf, name: 'МАМЫТОВ А.Б.', follow: 'yes' });
    const first = await page(ngo, '/followed');
    expect(first).toContain('5-1/2026');
    expect(first).toContain('5-2/2026');
    expect(first).toContain('via person МАМЫТОВ А.Б.');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await page(ngo, '/followed')).not.toMatch(/class="changed"/);

    const consul = await as('consul');
    await consul.post(`/cases/${ids.b}/review`, { _csrf: await consul.csrfToken('/'), status: 'confirmed' });
    const after = await page(ngo, '/followed');
    expect(after).toMatch(/<tr data-case-id="\d+" class="changed">/);
    expect(after).toContain('new history entries: 1; review now: confirmed');
    expect(after).toContain('Changes since your last visit on');
  });

  it('counts trends for analysts and exports exactly the shown rows, safe for spreadsheets', async () => {
    const analyst = await as('analyst');
    const html = await page(analyst, '/trends');
    expect(html).not.toContain('МАМЫТОВ');
    expect(html).toMatch(/<td>women<\/td><td class="count">1<\/td>/);
    expect(html).toContain('<td>11.2026</td><td class="count">2</td>');
    const csv = await (await analyst.request('/trends.csv?district=all')).text();
    expect(csv).toContain('month,11.2026,2\r\n');
    expect(csv).toContain('outcome,detention centre (ЦВСИГ),1\r\n');
    expect(csv).toContain('region,"77 =HYPERLINK(""http://evil.example"")",1');
    expect(csv).not.toMatch(/(^|,)=/m);
    const filtered = await (await analyst.request('/trends.csv?strength=possible')).text();
    expect(filtered.trim().split('\r\n').filter((line) => line.startsWith('gender'))).toEqual(['gender,women,1']);
    expect((await analyst.request(`/cases/${ids.a}`)).status).toBe(403);
  });

  it('shows crawl health to admins and consular staff', async () => {
    const db = database.db;
    await db.insert(crawlRuns).values({ source: 'sudrf', status: 'finished', pagesFetched: 40, errors: 3, stats: { ok: 37, captcha: 2, http_503: 1 } });
    await db.update(courts).set({ hasCaptcha: true, captchaSeenAt: new Date('2026-11-27T10:00:00Z') }).where(eq(courts.id, ids.courtA));
    await db.insert(hosts).values({ host: 'kirovsky.nsk.sudrf.ru', cooldownUntil: new Date('2026-11-28T09:30:00Z'), cooldownReason: '429' });
    const html = await page(await as('admin'), '/sources');
    expect(html).toMatch(/<td>captcha<\/td><td>2<\/td>/);
    expect(html).toContain('kirovsky.nsk.sudrf.ru');
    expect(html).toContain('66RS0001 Верх-Исетский районный суд');
    expect((await (await as('ngo')).request('/sources')).status).toBe(403);
  });

  it('lets an admin create and disable accounts', async () => {
    const admin = await as('admin');
    const csrf = await admin.csrfToken('/admin/users');
    const form = { _csrf: csrf, username: 'aigul', displayName: 'Aigul', role: 'ngo', district: '', password: 'a long enough password' };
    expect((await admin.post('/admin/users', form)).status).toBe(200);
    expect((await admin.post('/admin/users', form)).status).toBe(409);
    expect((await admin.post('/admin/users', { ...form, username: 'short', password: 'short' })).status).toBe(400);
    const aigul = new DashboardClient(app());
    expect((await aigul.login('aigul', 'a long enough password')).status).toBe(303);
    const [created] = await database.db.select().from(users).where(eq(users.username, 'aigul'));
    expect((await admin.post(`/admin/users/${created!.id}/disable`, { _csrf: csrf })).status).toBe(303);
    expect((await aigul.request('/')).status).toBe(303);
    expect((await aigul.login('aigul', 'a long enough password')).status).toBe(429);
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'user'))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.add', 'user.disable']));
  });

  it('speaks the language the user chose, and the browser language before login', async () => {
    const login = await new DashboardClient(app()).request('/login', { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(await login.text()).toContain('Имя пользователя');
    const kyrgyzLogin = await new DashboardClient(app()).request('/login?lang=ky');
    expect(kyrgyzLogin.headers.get('set-cookie')).toMatch(/^kuzet_lang=ky;/);
    expect(await kyrgyzLogin.text()).toContain('Сырсөз');
    const consul = await as('consul');
    const csrf = await consul.csrfToken('/');
    const cookie = consul.cookie;
    const switched = await consul.post('/settings/language', { _csrf: csrf, language: 'ru', back: '/?district=all' });
    expect(switched.headers.get('location')).toBe('/?district=all');
    consul.cookie = cookie;
    const html = await page(consul, '/');
    expect(html).toContain('Новые отмеченные дела');
    expect(html).toContain('<html lang="ru">');
    await consul.post('/settings/language', { _csrf: csrf, language: 'ky' });
    consul.cookie = cookie;
    const kyrgyz = await page(consul, '/');
    expect(kyrgyz).toContain('Жаңы белгиленген иштер');
    expect(kyrgyz).toContain('Отметка'); // no Kyrgyz string yet: Russian
  });
});
