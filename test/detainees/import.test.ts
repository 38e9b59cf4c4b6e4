import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { createUser, type User } from '../../db/queries/users.ts';
import { getDetainee, importDetainees, listDetainees } from '../../db/queries/detainees.ts';
import { auditLog, detainees, nameKeys } from '../../db/schema.ts';
import { decodeDetaineeFile, parseDetaineeCsv } from '../../matching/detainee-rows.ts';

const GOOD_FILE = [
  'latin_name,cyrillic_name,birth_date,passport_number,detained_on,detention_place,detention_centre',
  'ZHUMABEKOV AZAMAT,Жумабеков Азамат Бекович,04.05.1990,AN1234567,2026-11-01,Екатеринбург,ЦВСИГ ГУ МВД по Свердловской области',
  'AIGUL ASANBEK KYZY,Асанбек кызы Айгүл,1995-02-28,,02.11.2026,Москва,',
  'NURLAN TOKTOSUN UULU,,12.12.1988,ID 7654321,,Новосибирск,',
].join('\n');

const FILE_WITH_BAD_ROWS = [
  'latin_name;cyrillic_name;birth_date;passport_number;detained_on',
  'MAMYTOV BAKYT;Мамытов Бакыт;01.01.1985;AC1111111;01.11.2026', // line 2: good
  ';;01.01.1980;AC2222222;', // line 3: no name
  'OSMONOV ULAN;Осмонов Улан;31.02.1990;AC3333333;', // line 4: no such day
  'ESENBAEV ERLAN;Эсенбаев Эрлан;;;', // line 5: neither passport nor birth date
  'Иванов Иван;;01.01.1970;AC4444444;', // line 6: Cyrillic in the Latin column
  'SYDYKOV MEDET;Сыдыков Медет;1990-13-01;AC5555555;', // line 7: month 13
  'KADYROV TALANT;Кадыров Талант;05.06.1991;AC6666666', // line 8: a field short
  'MAMYTOV BAKYT;Мамытов Бакыт;01.01.1985;AC 1111111;01.11.2026', // line 9: line 2 again
  'BAKIROV MIRLAN;Бакиров Мирлан;07.07.1977;XX;', // line 10: not a passport number
].join('\r\n');

describe('parseDetaineeCsv', () => {
  it('reports each bad row with its line and reason, and keeps the good ones', () => {
    const parsed = parseDetaineeCsv(FILE_WITH_BAD_ROWS);
    expect(parsed.total).toBe(9);
    expect(parsed.rows.map((row) => row.line)).toEqual([2]);
    expect(parsed.rejected).toEqual([
      { line: 3, reason: 'no name (latin_name or cyrillic_name)', problems: [{ kind: 'no_name' }] },
      { line: 4, reason: 'birth_date is not a calendar date', problems: [{ kind: 'not_calendar_date', column: 'birth_date' }] },
      { line: 5, reason: 'needs a passport number or a birth date to tell namesakes apart', problems: [{ kind: 'no_passport_or_birth_date' }] },
      { line: 6, reason: 'latin_name has non-Latin letters', problems: [{ kind: 'latin_letters' }] },
      { line: 7, reason: 'birth_date is not a calendar date', problems: [{ kind: 'not_calendar_date', column: 'birth_date' }] },
      { line: 8, reason: '4 fields where the header has 5', problems: [{ kind: 'field_count', fields: 4, expected: 5 }] },
      { line: 9, reason: 'same person as line 2', problems: [{ kind: 'duplicate', firstLine: 2 }] },
      { line: 10, reason: 'passport_number is not like AN1234567', problems: [{ kind: 'passport_format' }] },
    ]);
  });

  it('reads dd.mm.yyyy and yyyy-mm-dd, and normalises passport numbers', () => {
    const [first, , third] = parseDetaineeCsv(GOOD_FILE).rows;
    expect(first).toMatchObject({ birthDate: '1990-05-04', detainedOn: '2026-11-01', passportNumber: 'AN1234567' });
    expect(third).toMatchObject({ birthDate: '1988-12-12', passportNumber: 'ID7654321', cyrillicName: null });
  });

  it('decodes a Windows-1251 file as Russian Excel saves it', () => {
    const bytes = iconv.encode('cyrillic_name;birth_date\nМамытов Бакыт;01.01.1985\n', 'win1251');
    expect(parseDetaineeCsv(decodeDetaineeFile(bytes)).rows[0]?.cyrillicName).toBe('Мамытов Бакыт');
  });

  it('rejects a file that is not CSV as a whole', () => {
    const parsed = parseDetaineeCsv('latin_name,birth_date\n"ZHUMABEKOV,01.01.1990\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.rejected[0]?.reason).toMatch(/not valid CSV/);
    expect(parsed.rejected[0]?.problems).toEqual([{ kind: 'not_csv' }]);
  });

  it('names the kind of every check a row can fail, and the date column, so a page can say it in its language', () => {
    const header = 'latin_name,cyrillic_name,birth_date,detained_on,passport_number';
    const kinds = (row: string) => parseDetaineeCsv(`${header}\n${row}\n`).rejected[0]?.problems;
    expect(kinds('ZHUMABEKOV,,1990-01-01,soon,')).toEqual([{ kind: 'not_a_date', column: 'detained_on' }]);
    expect(kinds('ZHUMABEKOV,,1890-01-01,,')).toEqual([{ kind: 'date_out_of_range', column: 'birth_date' }]);
    expect(kinds(',Жумабеков1,1990-01-01,,')).toEqual([{ kind: 'cyrillic_letters' }]);
  });
});

describe.each(drivers)('importDetainees on %s', (driver) => {
  let database: TestDatabase;
  let consul: User;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    consul = await createUser(database.db, { username: 'consul', passwordHash: 'x', role: 'consular', district: 'yekaterinburg' });
  });
  afterAll(async () => database?.destroy());

  it('imports the good rows, indexes their names and audits counts only', async () => {
    const report = await importDetainees(database.db, GOOD_FILE, { district: 'yekaterinburg' }, consul);
    expect(report).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: [] });
    const stored = await listDetainees(database.db, consul);
    expect(stored).toHaveLength(3);
    expect(stored.every((row) => row.district === 'yekaterinburg')).toBe(true);
    const keys = await database.db.select({ count: sql<number>`count(*)::int` }).from(nameKeys);
    expect(keys[0]?.count).toBeGreaterThan(6);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'detainees.import'));
    expect(audit?.details).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(JSON.stringify(audit)).not.toMatch(/ZHUMABEKOV|Жумабеков|AN1234567/);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await database.db.select().from(detainees).orderBy(detainees.id);
    const report = await importDetainees(database.db, GOOD_FILE, { district: 'yekaterinburg' }, consul);
    expect(report).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3, rejected: [] });
    expect(await database.db.select().from(detainees).orderBy(detainees.id)).toEqual(before);
  });

  it('updates a record whose row was corrected, found by its passport number', async () => {
    const corrected = GOOD_FILE.replace('ЦВСИГ ГУ МВД по Свердловской области', 'ЦВСИГ ГУ МВД по Челябинской области');
    const report = await importDetainees(database.db, corrected, { district: 'yekaterinburg' }, consul);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
  });

  it('imports the good rows of a file with bad ones', async () => {
    const report = await importDetainees(database.db, FILE_WITH_BAD_ROWS, {}, consul);
    expect(report.inserted).toBe(1);
    expect(report.rejected.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('loses nothing when the database fails in the middle of an import', async () => {
    const before = await database.db.select().from(detainees).orderBy(detainees.id);
    await database.db.execute(sql`create function refuse_passport() returns trigger language plpgsql as $$
      begin if new.passport_number = 'AN9999999' then raise exception 'disk full'; end if; return new; end $$`);
    await database.db.execute(sql`create trigger refuse_passport before insert or update on detainees
      for each row execute function refuse_passport()`);
    const file = `${GOOD_FILE.replace('AN1234567', 'AN1234568')}\nLAST ROW,,01.01.1990,AN9999999,,,`;
    await expect(importDetainees(database.db, file, {}, consul)).rejects.toThrow();
    await database.db.execute(sql`drop trigger refuse_passport on detainees`);
    expect(await database.db.select().from(detainees).orderBy(detainees.id)).toEqual(before);
    const failed = await database.db.select().from(auditLog).where(eq(auditLog.action, 'detainees.import_failed'));
    expect(failed).toHaveLength(1);
  });

  it('gives one record with its latest entry-ban check', async () => {
    const [first] = await listDetainees(database.db, consul, { limit: 1 });
    const detainee = await getDetainee(database.db, consul, first!.id);
    expect(detainee?.id).toBe(first!.id);
    expect(detainee?.entryBan).toBeNull();
    expect(await getDetainee(database.db, consul, 999_999)).toBeNull();
  });
});
