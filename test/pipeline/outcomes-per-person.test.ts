import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomes, persons } from '../../db/schema.ts';
import { analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { sampleAnalysis, sampleCard, seedCase } from '../helpers/seed-case.ts';

const handwritten = (id: string) => readFileSync(fileURLToPath(new URL(`../corpus/handwritten/docs/${id}.txt`, import.meta.url)), 'utf8');

describe('outcomes per person charged', () => {
  it('gives each of two defendants their own sentence, with the colony regime', () => {
    const analysis = analyzeDocument({ id: 'hw-d01', text: handwritten('hw-d01') });
    expect(analysis.outcomes).toEqual([
      { kind: 'imprisonment', months: 18, regime: 'general', person: 'Жумабаева Нурлана Асылбековича' },
      { kind: 'fine', amountRub: 30000, person: 'Ташиева Эмиля Кубанычбековича' },
    ]);
    // `person` names one of the analysis' persons.
    for (const outcome of analysis.outcomes) expect(analysis.persons.map((p) => p.name)).toContain(outcome.person);
  });

  it('reads sentences listed after «Признать А и Б виновными … назначить наказание:»', () => {
    const analysis = analyzeDocument({ id: 'hw-d02', text: handwritten('hw-d02') });
    expect(analysis.persons.filter((p) => p.role === 'person_charged').map((p) => p.normalized)).toEqual(['Абдыкадыров Улан Маратович', 'Сейитбекова Айпери Нурбековна']);
    expect(analysis.outcomes).toEqual([
      { kind: 'imprisonment', months: 24, regime: 'strict', person: 'Абдыкадырова Улана Маратовича' },
      { kind: 'imprisonment', months: 15, person: 'Сейитбекову Айпери Нурбековну' },
      { kind: 'suspended', months: 24, person: 'Сейитбекову Айпери Нурбековну' },
    ]);
  });

  it('keeps depersonalised defendants apart and takes the final sentence by aggregate for the one it names', () => {
    const analysis = analyzeDocument({ id: 'hw-d03', text: handwritten('hw-d03') });
    expect(analysis.outcomes).toEqual([
      { kind: 'fine', amountRub: 20000, person: 'ФИО1' },
      { kind: 'imprisonment', months: 14, regime: 'settlement', person: 'ФИО2' },
    ]);
  });

  it('gives a penalty imposed on «каждому» to every person charged', () => {
    const text = 'ПРИГОВОР\nуголовное дело в отношении\nИсмаилова Бакыта Алиевича, гражданина Кыргызской Республики,\nОрозова Талантбека Нурлановича, гражданина Кыргызской Республики,\nПРИГОВОРИЛ:\nПризнать Исмаилова Бакыта Алиевича и Орозова Талантбека Нурлановича виновными в совершении преступления, предусмотренного ч. 2 ст. 322 УК РФ, и назначить каждому из них наказание в виде штрафа в размере 15 000 рублей.';
    expect(analyzeDocument({ id: 'each', text }).outcomes).toEqual([
      { kind: 'fine', amountRub: 15000, person: 'Исмаилова Бакыта Алиевича' },
      { kind: 'fine', amountRub: 15000, person: 'Орозова Талантбека Нурлановича' },
    ]);
  });

  it('names no person when the act has one person charged (the JSON contract is unchanged)', () => {
    const text = 'ПОСТАНОВЛЕНИЕ\nв отношении Мамытова Азамата Бековича, гражданина Кыргызской Республики,\nПОСТАНОВИЛ:\nПризнать Мамытова Азамата Бековича виновным и назначить ему наказание в виде административного штрафа в размере 2000 рублей.';
    expect(analyzeDocument({ id: 'one', text }).outcomes).toEqual([{ kind: 'fine', amountRub: 2000 }]);
  });

  it('on a card, names the outcome after the card party the act person is', () => {
    const card = sampleCard({
      caseType: 'criminal',
      parties: [
        { roleAsWritten: 'ПОДСУДИМЫЙ', name: 'ЖУМАБАЕВ НУРЛАН АСЫЛБЕКОВИЧ', articles: 'ст.158 ч.2 п.а УК РФ' },
        { roleAsWritten: 'ПОДСУДИМЫЙ', name: 'ТАШИЕВ ЭМИЛЬ КУБАНЫЧБЕКОВИЧ', articles: 'ст.158 ч.2 п.а УК РФ' },
      ],
      actText: handwritten('hw-d01'),
    });
    expect(analyzeCaseCard('card', card).outcomes).toEqual([
      { kind: 'imprisonment', months: 18, regime: 'general', person: 'ЖУМАБАЕВ НУРЛАН АСЫЛБЕКОВИЧ' },
      { kind: 'fine', amountRub: 30000, person: 'ТАШИЕВ ЭМИЛЬ КУБАНЫЧБЕКОВИЧ' },
    ]);
  });
});

describe.each(drivers)('outcomes stored with their person and regime on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  const storedOutcomes = async (caseId: number) => {
    const people = await database.db.select().from(persons).where(eq(persons.caseId, caseId));
    const rows = await database.db.select().from(outcomes).where(eq(outcomes.caseId, caseId)).orderBy(outcomes.id);
    return rows.map((row) => ({ person: people.find((p) => p.id === row.personId)?.nameAsWritten ?? null, kind: row.kind, months: row.months, amountRub: row.amountRub, regime: row.regime }));
  };

  it('links each outcome of a two-defendant act to its person', async () => {
    const text = handwritten('hw-d01');
    const card = sampleCard({ caseUid: 'two-defendants', caseNumber: '1-512/2026', caseType: 'criminal', actText: text });
    const caseId = await seedCase(database.db, card, analyzeDocument({ id: 'hw-d01', text }));
    expect(await storedOutcomes(caseId)).toEqual([
      { person: 'Жумабаева Нурлана Асылбековича', kind: 'imprisonment', months: 18, amountRub: null, regime: 'general' },
      { person: 'Ташиева Эмиля Кубанычбековича', kind: 'fine', months: null, amountRub: 30000, regime: null },
    ]);
  });

  it('links the outcomes of a one-defendant act to that person, and none when nobody is charged', async () => {
    const card = sampleCard({ caseUid: 'one-defendant' });
    const caseId = await seedCase(database.db, card);
    expect((await storedOutcomes(caseId)).map((o) => o.person)).toEqual(['МАМЫТОВ А.Б.', 'МАМЫТОВ А.Б.']);
    const witnessOnly = sampleAnalysis(card.actText ?? '', { persons: [{ name: 'Асанов Б.Т.', normalized: 'Асанов Б.Т.', role: 'witness', citizenship: 'KG', gender: 'm', birthDate: null }] });
    const otherId = await seedCase(database.db, sampleCard({ caseUid: 'witness-only' }), witnessOnly);
    expect((await storedOutcomes(otherId)).map((o) => o.person)).toEqual([null, null]);
  });
});
