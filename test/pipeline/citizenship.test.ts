import { describe, expect, it } from 'vitest';
import { analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import { sampleCard } from '../helpers/seed-case.ts';

const act = (body: string) => `ПОСТАНОВЛЕНИЕ\n05 ноября 2026 года г. Екатеринбург\n${body}\nПОСТАНОВИЛ:\nПризнать виновным и назначить наказание в виде административного штрафа в размере 2 000 рублей с административным выдворением за пределы Российской Федерации в форме принудительного выдворения.`;

describe('Kyrgyz citizenship with evidence', () => {
  it('flags a strong cue and points at the exact words', () => {
    const a = analyzeDocument({ id: '1', text: act('в отношении Мамытова Азамата Бековича, 12.03.1995 года рождения, гражданина Кыргызской Республики, по ч. 1.1 ст. 18.8 КоАП РФ') });
    expect(a.kyrgyz.flag).toBe('yes');
    const span = a.kyrgyz.evidence.find((e) => e.cue === 'citizenship')!;
    expect(a.text!.slice(span.start, span.end)).toBe('гражданина Кыргызской Республики');
    expect(a.persons[0]).toMatchObject({ normalized: 'Мамытов Азамат Бекович', citizenship: 'KG', gender: 'm', birthDate: '1995-03-12' });
    expect(a.outcomes).toEqual([{ kind: 'fine', amountRub: 2000 }, { kind: 'expulsion_forced' }]);
    expect(a.charges).toEqual([{ code: 'КоАП', article: '18.8', part: '1.1', item: null }]);
    expect(a.decisionDate).toBe('2026-11-05');
    expect(a.appealDeadline).toBe('2026-11-15');
  });

  it.each([
    ['гражданина Республики Узбекистан Каримова Шерзода', 'no'],
    ['гражданина Республики Таджикистан, с участием переводчика с киргизского языка', 'no'],
    ['гражданина Республики Казахстан Жумабаева Ерлана', 'no'],
    ['гражданина <данные изъяты>', 'no'],
    ['гражданина Российской Федерации, допрошен свидетель гражданин Кыргызской Республики Асанов Б.', 'no'],
    ['гражданки КР Сыдыковой Айгуль', 'yes'],
    ['гражданина Киргизии', 'yes'],
    ['гражданина Республики Кыргызстан', 'yes'],
    ['уроженца г. Ош Киргизской ССР, гражданство не установлено', 'possible'],
    ['уроженец г. Ош Киргизской ССР, гражданство не установлено', 'possible'],
    ['родился в г. Ош Киргизской ССР, гражданство не установлено', 'possible'],
    ['лица без гражданства, проживавшего в КРАСНОЯРСКЕ', 'no'],
  ])('%s → %s', (body, flag) => {
    expect(analyzeDocument({ id: 't', text: act(`в отношении ФИО1, ${body}, по ч. 1 ст. 18.8 КоАП РФ`) }).kyrgyz.flag).toBe(flag);
  });

  it('does not flag a case whose only person is not accused (witness in a card)', () => {
    const card = sampleCard({ parties: [{ roleAsWritten: 'СВИДЕТЕЛЬ', name: 'Асанов Б.', articles: null }] });
    expect(analyzeCaseCard('c', card).kyrgyz.flag).toBe('no');
  });

  it('survives hostile text: markup in plain text stays data (the dashboard escapes it)', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> гражданина Кыргызской Республики \u200b\u0000';
    const a = analyzeDocument({ id: 'x', text: hostile });
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.text).toContain('<script>alert(1)</script>');
    const page = analyzeDocument({ id: 'y', text: `<html><body><div>${hostile}</div></body></html>` });
    expect(page.text).not.toContain('alert(1)</script>');
    expect(page.kyrgyz.flag).toBe('yes');
  });
});

describe('citizenship traps in whole acts', () => {
  const flagOf = (text: string) => analyzeDocument({ id: 't', text }).kyrgyz;

  it('does not flag a Russian host for the Kyrgyz citizens registered at the address (УК 322.3)', () => {
    const text = 'ПРИГОВОР\nуголовное дело в отношении Смирновой Ольги Викторовны, 01.01.1970 года рождения, гражданки Российской Федерации, обвиняемой в совершении преступления, предусмотренного ст. 322.3 УК РФ,\nУСТАНОВИЛ:\nСмирнова О.В. поставила на миграционный учет по месту пребывания гражданина Кыргызской Республики Асанова Б.Т., не намереваясь предоставлять ему жилое помещение.\nПРИГОВОРИЛ:\nСмирнову Ольгу Викторовну признать виновной и назначить наказание в виде штрафа в размере 100 000 рублей.';
    expect(flagOf(text).flag).toBe('no');
  });

  it('does not flag an employer for its Kyrgyz workers (КоАП 18.15)', () => {
    const text = 'в отношении юридического лица - общества с ограниченной ответственностью "Меридиан" (ООО "Меридиан"),\nУСТАНОВИЛ:\nООО "Меридиан" привлекло к трудовой деятельности гражданина Кыргызской Республики Мамытова А.Б., не имеющего патента.\nПОСТАНОВИЛ:\nПризнать ООО "Меридиан" виновным и назначить штраф в размере 250 000 рублей.';
    const analysis = analyzeDocument({ id: 't', text });
    expect(analysis.kyrgyz.flag).toBe('no');
    expect(analysis.persons.find((p) => p.name.startsWith('Мамытова'))).toMatchObject({ role: 'other', citizenship: 'KG' });
  });

  it.each([
    ['a Kyrgyz city as a destination', 'в отношении Каримова Шерзода Рустамовича, гражданина Республики Узбекистан,\nСо слов Каримова Ш.Р., он намеревался выехать в г. Бишкек.', 'no'],
    ['a Kazakh «кызы»', 'в отношении Серик кызы Аружан, гражданки Республики Казахстан,', 'no'],
    ['a Russian born in the Kirghiz SSR', 'в отношении Иванова Сергея Викторовича, уроженца г. Фрунзе Киргизской ССР, гражданина Российской Федерации,', 'no'],
    ['a spouse who is a Russian citizen', 'в отношении Мамытова Азамата Бековича, гражданина Кыргызской Республики,\nНа территории РФ проживает супруга Мамытова А.Б. - гражданка Российской Федерации.', 'yes'],
    ['«уулу» with redacted citizenship', 'в отношении Бакыт уулу Азамата, гражданина <данные изъяты>, уроженца <адрес>,', 'possible'],
    ['«являющегося гражданином Кыргызстана»', 'в отношении ФИО1, являющегося гражданином Кыргызстана,', 'yes'],
    ['«гражданство: Кыргызская Республика»', 'в отношении ФИО1 (гражданство: Кыргызская Республика)', 'yes'],
    ['a former Kyrgyz citizenship', 'в отношении Сапарова Азамата Кубатовича, гражданина Республики Казахстан,\nРанее Сапаров А.К. являлся гражданином Кыргызской Республики.', 'no'],
  ])('%s', (_name, text, flag) => {
    expect(flagOf(text).flag).toBe(flag);
  });

  it('points the evidence at exact offsets of the normalized text, with a confidence', () => {
    const input = 'в   отношении  Бакыт уулу Азамата, уроженца г. Ош Киргизской ССР,\n\n\n гражданина  Кыргызской Республики';
    const analysis = analyzeDocument({ id: 't', text: input });
    expect(analysis.kyrgyz.flag).toBe('yes');
    expect(analysis.kyrgyz.confidence).toBeGreaterThan(0.9);
    for (const span of analysis.kyrgyz.evidence) expect(analysis.text!.slice(span.start, span.end)).toBe(span.text);
    expect(analysis.kyrgyz.evidence.map((e) => e.cue).sort()).toEqual(['birthplace', 'citizenship', 'name_particle']);
  });
});

describe('the Kyrgyz passport series, a weak cue', () => {
  const withPassport = (passport: string) => act(`в отношении Мамытова Азамата Бековича, 12.03.1995 года рождения, гражданство не установлено, документ: паспорт ${passport}, по ч. 1.1 ст. 18.8 КоАП РФ`);

  it.each(['AN1234567', 'AC 7654321', 'ID1234567', 'АН 1234567', 'АС1234567'])('reads %s as a possible Kyrgyz citizen, pointing at the number', (passport) => {
    const a = analyzeDocument({ id: 'p', text: withPassport(passport) });
    expect(a.kyrgyz.flag).toBe('possible');
    expect(a.kyrgyz.evidence.map((e) => [e.cue, a.text!.slice(e.start, e.end)])).toEqual([['passport', passport]]);
  });

  it.each(['AN12345678', 'AN123456', 'XAN1234567', 'AB1234567', 'АБ 1234567'])('does not read %s as a Kyrgyz passport', (passport) => {
    const a = analyzeDocument({ id: 'p', text: withPassport(passport) });
    expect(a.kyrgyz.flag).toBe('no');
    expect(a.kyrgyz.evidence).toEqual([]);
  });

  it('lets a stated citizenship outweigh the series', () => {
    const a = analyzeDocument({ id: 'p', text: withPassport('AN1234567').replace('гражданство не установлено', 'гражданина Республики Узбекистан') });
    expect(a.kyrgyz.flag).toBe('no');
  });
});

/** An act against the person `phrase` names («гр-на КР Асанова Бакыта»), under ч. 1.1 ст. 18.8 КоАП. */
const charged = (phrase: string) => analyzeDocument({ id: 'c', text: act(`в отношении ${phrase} по ч. 1.1 ст. 18.8 КоАП РФ`) });

describe('citizenship phrases police reports and courts abbreviate or double', () => {
  it.each([
    ['в отношении иностранного гражданина - гражданина Республики Кыргызстан Абдрахманова Т.Ж.', 'гражданина Республики Кыргызстан'],
    ['в отношении гр. Кыргызской Республики Абдрахманова Т.Ж.', 'гр. Кыргызской Республики'],
    ['в отношении Абдрахманова Т.Ж., гр.Кыргызской Республики,', 'гр.Кыргызской Республики'],
  ])('%s: the person charged is Kyrgyz', (opening, evidence) => {
    const a = analyzeDocument({ id: 'g', text: act(`${opening} по ч. 3.1 ст. 18.8 КоАП РФ`) });
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.persons.map((p) => [p.normalized, p.role, p.citizenship])).toEqual([['Абдрахманов Т.Ж.', 'person_charged', 'KG']]);
    expect(a.kyrgyz.evidence.map((e) => a.text!.slice(e.start, e.end))).toEqual([evidence]);
  });

  it('does not read «гр.» before a name as a state', () => {
    const a = analyzeDocument({ id: 'g', text: act('в отношении гр. Абдрахманова Т.Ж., гражданина Республики Узбекистан, по ч. 1 ст. 18.8 КоАП РФ') });
    expect(a.kyrgyz.flag).toBe('no');
    expect(a.persons.map((p) => [p.normalized, p.citizenship])).toEqual([['Абдрахманов Т.Ж.', 'UZ']]);
  });
});

describe('cues at the start of a sentence, capitalised', () => {
  it('flags «Гражданин Кыргызской Республики …» opening the description of the offence', () => {
    const a = analyzeDocument({
      id: 'c',
      text: act('рассмотрев дело об административном правонарушении в отношении Асанова Бакыта Кубанычбековича по ч. 1.1 ст. 18.8 КоАП РФ,\nУСТАНОВИЛ:\nГражданин Кыргызской Республики Асанов Б.К., 12.03.1995 года рождения, 01.11.2026 выявлен по адресу: г. Екатеринбург, ул. Ленина, 1.'),
    });
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.kyrgyz.evidence.map((e) => a.text!.slice(e.start, e.end))).toContain('Гражданин Кыргызской Республики');
    expect(a.persons.find((p) => p.role === 'person_charged')).toMatchObject({ citizenship: 'KG', gender: 'm' });
  });

  it('reads «Лицо без гражданства» and «Гражданка Республики Узбекистан» as statements, not as Kyrgyz', () => {
    for (const opening of ['Лицо без гражданства Асанова А.Б.', 'Гражданка Республики Узбекистан Асанова А.Б.']) {
      const a = analyzeDocument({ id: 'c', text: act(`в отношении Асановой Айгуль Бакытовны по ч. 1 ст. 18.8 КоАП РФ,\nУСТАНОВИЛ:\n${opening} 01.11.2026 выявлена в г. Самаре.`) });
      expect(a.kyrgyz.flag, opening).toBe('no');
    }
  });

  it('reads the phrasings of police reports: «гр-на КР», «гр-ки Кыргызской Республики», «гражданина Кыргызстан» (not declined)', () => {
    for (const [phrase, normalized] of [
      ['гр-на КР Асанова Бакыта', 'Асанов Бакыт'],
      ['гр-ки Кыргызской Республики Асановой Айгуль', 'Асанова Айгуль'],
      ['гражданина Кыргызстан Асанова Бакыта', 'Асанов Бакыт'],
    ] as const) {
      const a = charged(phrase);
      expect(a.kyrgyz.flag, phrase).toBe('yes');
      expect(a.persons.map((p) => [p.normalized, p.role, p.citizenship]), phrase).toEqual([[normalized, 'person_charged', 'KG']]);
    }
    const uzbek = charged('гр-на Республики Узбекистан Каримова Шерзода');
    expect(uzbek.kyrgyz.flag).toBe('no');
    expect(uzbek.persons[0]).toMatchObject({ normalized: 'Каримов Шерзод', citizenship: 'UZ' });
  });

  it('reads the state in parentheses, «Кыргызской республики» with a small «р» and «Республики Кыргызия», the name after them read as the person charged', () => {
    for (const [phrase, evidence] of [
      ['иностранного гражданина (Кыргызская Республика) Асанова Бакыта', 'гражданина (Кыргызская Республика'],
      ['гражданина (Республика Кыргызстан) Асанова Бакыта', 'гражданина (Республика Кыргызстан'],
      ['гражданина Кыргызской республики Асанова Бакыта', 'гражданина Кыргызской республики'],
      ['гражданина Республики Кыргызия Асанова Бакыта', 'гражданина Республики Кыргызия'],
    ] as const) {
      const a = charged(phrase);
      expect(a.kyrgyz.flag, phrase).toBe('yes');
      expect(a.kyrgyz.evidence.map((e) => e.text), phrase).toEqual([evidence]);
      expect(a.persons.map((p) => [p.normalized, p.role, p.citizenship]), phrase).toEqual([['Асанов Бакыт', 'person_charged', 'KG']]);
    }
    const uzbek = charged('иностранного гражданина (Республика Узбекистан) Каримова Шерзода');
    expect(uzbek.kyrgyz.flag).toBe('no');
    expect(uzbek.persons.map((p) => [p.normalized, p.citizenship])).toEqual([['Каримов Шерзод', 'UZ']]);
  });

  it('reads a citizenship written in capitals with the name, «ГРАЖДАНИНА КЫРГЫЗСКОЙ РЕСПУБЛИКИ АСАНОВА БАКЫТА», and keeps the state out of the name', () => {
    const a = charged('ГРАЖДАНИНА КЫРГЫЗСКОЙ РЕСПУБЛИКИ АСАНОВА БАКЫТА КАДЫРБЕКОВИЧА');
    expect(a.kyrgyz.flag).toBe('yes');
    expect(a.kyrgyz.evidence.map((e) => e.text)).toEqual(['ГРАЖДАНИНА КЫРГЫЗСКОЙ РЕСПУБЛИКИ']);
    expect(a.persons.map((p) => [p.name, p.normalized, p.role, p.citizenship])).toEqual([['АСАНОВА БАКЫТА КАДЫРБЕКОВИЧА', 'Асанов Бакыт Кадырбекович', 'person_charged', 'KG']]);
    const uzbek = charged('ГРАЖДАНИНА РЕСПУБЛИКИ УЗБЕКИСТАН КАРИМОВА ШЕРЗОДА');
    expect(uzbek.kyrgyz.flag).toBe('no');
    expect(uzbek.persons.map((p) => [p.normalized, p.citizenship])).toEqual([['Каримов Шерзод', 'UZ']]);
  });

  it.each([
    ['уроженца города Бишкека', 'уроженца города Бишкека'],
    ['уроженца г. Пржевальска', 'уроженца г. Пржевальска'],
    ['уроженца г. Жалал-Абад', 'уроженца г. Жалал-Абад'],
    ['уроженца Кыргызской ССР', 'уроженца Кыргызской ССР'],
    ['уроженца с. Араван Ошской области Киргизской ССР', 'уроженца с. Араван Ошской области'],
    ['родившегося в г. Оше', 'родившегося в г. Оше'],
  ])('takes «%s» (a town declined, under its Soviet name, a district town) as a birthplace cue', (birthplace, evidence) => {
    const a = analyzeDocument({ id: 'c', text: act(`в отношении ФИО1, ${birthplace}, гражданство не установлено, по ч. 1 ст. 18.8 КоАП РФ`) });
    expect(a.kyrgyz.flag).toBe('possible');
    expect(a.kyrgyz.evidence.map((e) => e.text)).toEqual([evidence]);
  });

  it('takes «Уроженец г. Бишкек» (nominative, capitalised) as a weak cue, with its words as evidence', () => {
    const a = analyzeDocument({ id: 'c', text: act('в отношении ФИО1 по ч. 1 ст. 18.8 КоАП РФ.\nУСТАНОВИЛ:\nФИО1, ДД.ММ.ГГГГ года рождения. Уроженец г. Бишкек, гражданство не установлено.') });
    expect(a.kyrgyz.flag).toBe('possible');
    expect(a.kyrgyz.evidence.map((e) => [e.cue, e.text])).toEqual([['birthplace', 'Уроженец г. Бишкек']]);
  });

  it('takes «Место рождения: г. Ош» in a listing as a weak cue, and «Граждане Российской Федерации обязаны …» as about nobody charged', () => {
    const born = analyzeDocument({ id: 'c', text: act('в отношении ФИО1 по ч. 1 ст. 18.8 КоАП РФ.\nСведения о лице: ФИО1.\nМесто рождения: г. Ош Киргизской ССР.') });
    expect(born.kyrgyz.flag).toBe('possible');
    expect(born.kyrgyz.evidence.map((e) => e.cue)).toEqual(['birthplace']);
    const law = analyzeDocument({ id: 'c', text: act('в отношении Асанова Бакыта, гражданина Кыргызской Республики, по ч. 1.1 ст. 18.8 КоАП РФ.\nГраждане Российской Федерации обязаны соблюдать законы.') });
    expect(law.persons.find((p) => p.role === 'person_charged')?.citizenship).toBe('KG');
  });
});
