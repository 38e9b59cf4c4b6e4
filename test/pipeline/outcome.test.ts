import { describe, expect, it } from 'vitest';
import { appealDeadline, firstDate } from '../../pipeline/decision-date.ts';
import { extractOutcomes } from '../../pipeline/outcome.ts';
import { parseNumberWords } from '../../pipeline/numerals.ts';
import { analyzeDocument } from '../../pipeline/analyze.ts';

const ruling = (resolution: string) =>
  `Санкция предусматривает штраф в размере от 2000 до 5000 рублей с принудительным выдворением.\nПОСТАНОВИЛ:\n${resolution}\nРазъяснить, что неуплата штрафа влечет административный арест на срок до пятнадцати суток.`;

describe('outcomes of the resolutive part', () => {
  it.each([
    ['назначить наказание в виде административного штрафа в размере 2000 (две тысячи) рублей с административным выдворением за пределы Российской Федерации в форме принудительного выдворения.', [{ kind: 'fine', amountRub: 2000 }, { kind: 'expulsion_forced' }]],
    ['в виде штрафа в размере 5 000 рублей с административным выдворением за пределы РФ в форме контролируемого самостоятельного выезда', [{ kind: 'fine', amountRub: 5000 }, { kind: 'expulsion_self' }]],
    ['в виде административного штрафа в размере пяти тысяч рублей без административного выдворения', [{ kind: 'fine', amountRub: 5000 }, { kind: 'no_expulsion' }]],
    ['штрафа в размере 250 000 (двухсот пятидесяти тысяч) рублей', [{ kind: 'fine', amountRub: 250000 }]],
    ['административного ареста на срок 10 (десять) суток', [{ kind: 'arrest', days: 10 }]],
    ['с принудительным административным выдворением. Поместить в Центр временного содержания иностранных граждан на срок до 90 (девяноста) суток.', [{ kind: 'expulsion_forced' }, { kind: 'detention_center', days: 90 }]],
    ['До исполнения постановления содержать в ЦВСИГ ГУ МВД России.', [{ kind: 'detention_center' }]],
    ['подвергнуть наказанию в виде административного штрафа 5000 (пять тысяч) рублей.', [{ kind: 'fine', amountRub: 5000 }]],
    ['назначить административный штраф 2 000 рублей с административным выдворением за пределы Российской Федерации в форме принудительного выдворения.', [{ kind: 'fine', amountRub: 2000 }, { kind: 'expulsion_forced' }]],
    ['с принудительным административным выдворением. До исполнения постановления поместить Асанова Б.М. в специальное учреждение ГУ МВД России по Московской области.', [{ kind: 'expulsion_forced' }, { kind: 'detention_center' }]],
    ['Поместить Асанова Б.М. в ЦВСИГ ГУ МВД России по г. Москве до исполнения постановления, но не более 90 суток.', [{ kind: 'detention_center', days: 90 }]],
    ['штрафа в сумме 5000 рублей. Административное выдворение не применять.', [{ kind: 'fine', amountRub: 5000 }, { kind: 'no_expulsion' }]],
  ])('%s', (resolution, expected) => {
    expect(extractOutcomes(ruling(resolution))).toEqual(expected);
  });

  it('reads an expulsion ordered without its form as forced (КоАП 3.10 ч. 1), not a sanction quoted or an act without a resolutive part', () => {
    expect(extractOutcomes(ruling('назначить наказание в виде административного штрафа в размере 2000 рублей с административным выдворением за пределы Российской Федерации.'))).toEqual([
      { kind: 'fine', amountRub: 2000 },
      { kind: 'expulsion_forced' },
    ]);
    expect(extractOutcomes(ruling('назначить наказание в виде административного штрафа в размере 5000 рублей и административного выдворения за пределы РФ.'))).toEqual([
      { kind: 'fine', amountRub: 5000 },
      { kind: 'expulsion_forced' },
    ]);
    // A sanction quoted in the resolutive part, an expulsion «или без такового», and no resolutive heading at all.
    expect(extractOutcomes(ruling('назначить наказание в виде административного штрафа в размере 2000 рублей. Разъяснить, что повторное нарушение влечет наложение штрафа с административным выдворением за пределы Российской Федерации.'))).toEqual([
      { kind: 'fine', amountRub: 2000 },
    ]);
    expect(extractOutcomes(ruling('назначить наказание в виде административного штрафа в размере 2000 рублей с административным выдворением за пределы Российской Федерации или без такового.'))).toEqual([
      { kind: 'fine', amountRub: 2000 },
    ]);
    expect(extractOutcomes('Санкция части 1.1 статьи 18.8 КоАП РФ предусматривает штраф в размере от 2000 до 5000 рублей с административным выдворением за пределы Российской Федерации.')).not.toContainEqual({ kind: 'expulsion_forced' });
  });

  it('reads an arrest «на 10 суток» without «срок», but not the arrest a warning quotes; forced and correctional labour as other', () => {
    expect(extractOutcomes(ruling('назначить наказание в виде административного ареста на 10 (десять) суток.'))).toEqual([{ kind: 'arrest', days: 10 }]);
    expect(extractOutcomes(ruling('назначить наказание в виде административного штрафа в размере 1000 рублей. В случае неуплаты штрафа лицо может быть привлечено к ответственности по ст. 20.25 КоАП РФ, предусматривающей наказание в виде двойного штрафа, либо административного ареста на 15 суток.'))).toEqual([
      { kind: 'fine', amountRub: 1000 },
    ]);
    expect(extractOutcomes('ПРИГОВОРИЛ:\nназначить наказание в виде принудительных работ на срок 1 год с удержанием 10% из заработной платы в доход государства.')).toEqual([{ kind: 'other' }]);
    expect(extractOutcomes('ПРИГОВОРИЛ:\nназначить наказание в виде исправительных работ на срок 6 месяцев.')).toEqual([{ kind: 'other' }]);
  });

  it('reads prison terms (years × 12 + months), the regime, and probation', () => {
    expect(extractOutcomes('ПРИГОВОРИЛ:\nназначить наказание в виде лишения свободы на срок 2 (два) года 6 (шесть) месяцев с отбыванием наказания в исправительной колонии общего режима.')).toEqual([
      { kind: 'imprisonment', months: 30, regime: 'general' },
    ]);
    expect(extractOutcomes('ПРИГОВОРИЛ:\nназначить ему наказание в виде 8 месяцев лишения свободы с отбыванием наказания в колонии-поселении.')).toEqual([{ kind: 'imprisonment', months: 8, regime: 'settlement' }]);
    expect(extractOutcomes('ПРИГОВОРИЛ:\nлишения свободы на срок один год. В соответствии со ст. 73 УК РФ назначенное наказание считать условным с испытательным сроком 1 (один) год 6 (шесть) месяцев.')).toEqual([
      { kind: 'imprisonment', months: 12 },
      { kind: 'suspended', months: 18 },
    ]);
    expect(extractOutcomes('ПРИГОВОРИЛ:\nпризнать виновным и приговорить его к 2 (двум) годам лишения свободы условно с испытательным сроком 1 год.')).toEqual([
      { kind: 'imprisonment', months: 24 },
      { kind: 'suspended', months: 12 },
    ]);
  });

  it('takes the final sentence after partial ones («окончательно назначить»)', () => {
    const text = 'ПРИГОВОРИЛ:\nпо ч. 2 ст. 322 УК РФ в виде 1 года лишения свободы; по ч. 3 ст. 327 УК РФ в виде 6 месяцев лишения свободы. На основании ч. 2 ст. 69 УК РФ окончательно назначить лишение свободы на срок 1 год 3 месяца с отбыванием наказания в колонии-поселении.';
    expect(extractOutcomes(text)).toEqual([{ kind: 'imprisonment', months: 15, regime: 'settlement' }]);
  });

  it('reads procedural outcomes only when there is no penalty', () => {
    expect(extractOutcomes('ОПРЕДЕЛИЛ:\nВозвратить протокол об административном правонарушении')).toEqual([{ kind: 'returned' }]);
    expect(extractOutcomes('ОПРЕДЕЛИЛ:\nДело передать на рассмотрение по подведомственности')).toEqual([{ kind: 'forwarded' }]);
    expect(extractOutcomes('ПОСТАНОВИЛ:\nПроизводство по делу об административном правонарушении прекратить')).toEqual([{ kind: 'cancelled' }]);
    expect(extractOutcomes('РЕШИЛ:\nВ удовлетворении административного искового заявления отказать.')).toEqual([{ kind: 'other' }]);
  });

  it('parses numbers written in words in any case', () => {
    expect(['две тысячи', 'двух тысяч пятисот', 'пятнадцати', 'девяноста', 'ста тысяч'].map(parseNumberWords)).toEqual([2000, 2500, 15, 90, 100000]);
  });
});

describe('dates', () => {
  it('takes the decision date from the head of the act, not a birth date', () => {
    expect(firstDate('Дело № 5-1/2026\nПОСТАНОВЛЕНИЕ\n5 ноября 2026 года г. Москва\nСудья … в отношении А., 01.02.1990 года рождения')).toBe('2026-11-05');
    expect(firstDate('ПОСТАНОВЛЕНИЕ\n12.03.2026 года г. Москва\nСудья')).toBe('2026-03-12');
  });

  it('gives no deadline to a КАС decision that cites no article, and the КоАП or criminal one by the act\'s words', () => {
    const deadline = (head: string, body: string) => analyzeDocument({ id: 'k', text: `${head}\n05 ноября 2026 года г. Москва\nСудья Иванов И.И., рассмотрев ${body}` }).appealDeadline ?? null;
    expect(deadline('РЕШЕНИЕ', 'административное дело по административному исковому заявлению Асанова Бакыта о признании незаконным решения о неразрешении въезда,\nРЕШИЛ:\nВ удовлетворении административного искового заявления отказать.')).toBeNull();
    expect(deadline('ПОСТАНОВЛЕНИЕ', 'дело об административном правонарушении в отношении Асанова Бакыта,\nПОСТАНОВИЛ:\nпроизводство по делу прекратить.')).toBe('2026-11-15');
    expect(deadline('ПРИГОВОР', 'уголовное дело в отношении Асанова Бакыта,\nПРИГОВОРИЛ:\nоправдать.')).toBe('2026-11-20');
    expect(deadline('СПРАВКА', 'обращение Асанова Бакыта.')).toBeNull();
  });

  it('takes the appeal period the act states: a month for an entry-ban challenge, ten days for a placement in a ЦВСИГ (КАС), not a fine\'s payment period', () => {
    const act = (head: string, body: string, end: string) => analyzeDocument({ id: 'k', text: `${head}\n31 января 2026 года г. Москва\nСудья Иванов И.И., рассмотрев ${body}\n${end}` });
    const ban = act('РЕШЕНИЕ', 'административное дело по административному исковому заявлению Асанова Бакыта о признании незаконным решения о неразрешении въезда,\nРЕШИЛ:\nВ удовлетворении административного искового заявления отказать.', 'Решение может быть обжаловано в Московский городской суд в течение одного месяца со дня принятия решения суда в окончательной форме.');
    expect(ban.appealDeadline).toBe('2026-02-28');
    const placement = act('РЕШЕНИЕ', 'административное дело по административному исковому заявлению ГУ МВД России о помещении Асанова Бакыта в Центр временного содержания иностранных граждан,\nРЕШИЛ:\nПоместить Асанова Бакыта в Центр временного содержания иностранных граждан на срок 90 суток.', 'Решение может быть обжаловано в Московский городской суд в течение десяти дней.');
    expect(placement.appealDeadline).toBe('2026-02-10');
    const fine = act('ПОСТАНОВЛЕНИЕ', 'дело об административном правонарушении в отношении Асанова Бакыта по ч. 1.1 ст. 18.8 КоАП РФ,\nПОСТАНОВИЛ:\nназначить наказание в виде административного штрафа в размере 2000 рублей.', 'Штраф подлежит уплате в течение 60 дней со дня вступления постановления в законную силу.');
    expect(fine.appealDeadline).toBe('2026-02-10');
  });

  it('reads «Производство по административному делу прекратить» as a cancelled case', () => {
    expect(extractOutcomes('РЕШИЛ:\nПроизводство по административному делу прекратить в связи с отказом административного истца от иска.')).toEqual([{ kind: 'cancelled' }]);
  });

  it('reads a decision date whose day is quoted, «05» ноября 2026 года, and gives its appeal deadline', () => {
    const a = analyzeDocument({ id: 'q', text: 'ПОСТАНОВЛЕНИЕ\nг. Екатеринбург «05» ноября 2026 года\nСудья Иванов И.И., рассмотрев дело в отношении Асанова Бакыта по ч. 1 ст. 18.8 КоАП РФ,' });
    expect(a.decisionDate).toBe('2026-11-05');
    expect(a.appealDeadline).toBe('2026-11-15');
  });

  it('counts the appeal deadline in calendar days: КоАП 10, criminal 15, none for КАС', () => {
    expect(appealDeadline('2026-12-25', 'koap')).toBe('2027-01-04');
    expect(appealDeadline('2026-02-20', 'criminal')).toBe('2026-03-07');
    expect(appealDeadline('2026-02-20', 'kas')).toBeNull();
    expect(appealDeadline(null, 'koap')).toBeNull();
  });
});
