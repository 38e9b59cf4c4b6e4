// The simulated mos-gorsud.ru docket: a few dozen cases under the watched articles, some of
// Kyrgyz citizens, with acts in every attachment format the site uses.
export type ActFormat = 'docx' | 'doc' | 'rtf' | 'pdf' | 'none';

export interface MosgorsudCase {
  uuid: string;
  courtAlias: string;
  courtName: string;
  caseNumber: string;
  caseUid: string;
  processType: 3 | 6;
  /** «Ст. 18.8, Ч.3.1» as the card writes it. */
  article: string;
  /** The same article as the act cites it. */
  citation: string;
  person: string;
  citizenship: string;
  received: string; // dd.mm.yyyy
  decided: string; // dd.mm.yyyy
  judge: string;
  actFormat: ActFormat;
  kyrgyz: boolean;
}

const COURTS = [
  { alias: 'tverskoj', name: 'Тверской районный суд города Москвы' },
  { alias: 'meshchanskij', name: 'Мещанский районный суд города Москвы' },
  { alias: 'mgs', name: 'Московский городской суд' },
];
const SURNAMES = ['Жумабеков', 'Асанов', 'Токтогулов', 'Садыров', 'Иргашев', 'Рахимов', 'Маматов', 'Абдылдаев'];
const CITIZENSHIPS = [
  { text: 'гражданина Кыргызской Республики', kyrgyz: true },
  { text: 'гражданина Республики Узбекистан', kyrgyz: false },
  { text: 'гражданина Республики Таджикистан', kyrgyz: false },
  { text: 'гражданина Киргизии', kyrgyz: true },
];
const ARTICLES: { processType: 3 | 6; article: string; citation: string }[] = [
  { processType: 3, article: 'Ст. 18.8, Ч.3.1', citation: 'ч. 3.1 ст. 18.8 КоАП РФ' },
  { processType: 3, article: 'Ст. 18.10, Ч.2', citation: 'ч. 2 ст. 18.10 КоАП РФ' },
  { processType: 6, article: 'Ст. 322, Ч.2', citation: 'ч. 2 ст. 322 УК РФ' },
];
const FORMATS: ActFormat[] = ['docx', 'doc', 'rtf', 'docx', 'pdf', 'none'];

const two = (n: number) => String(n).padStart(2, '0');

export function generateMosgorsudCases(count: number): MosgorsudCase[] {
  return Array.from({ length: count }, (_, i) => {
    const court = COURTS[i % COURTS.length]!;
    const { processType, article, citation } = ARTICLES[i % ARTICLES.length]!;
    const citizenship = CITIZENSHIPS[i % CITIZENSHIPS.length]!;
    const day = two(1 + (i % 28));
    return {
      uuid: `0000${two(i)}00-aaaa-4bbb-8ccc-${String(100000000000 + i)}`,
      courtAlias: court.alias,
      courtName: court.name,
      caseNumber: processType === 3 ? `05-${1000 + i}/2026` : `01-${200 + i}/2026`,
      caseUid: `77RS0027-02-2026-${String(100000 + i)}-${two(i % 90)}`,
      processType,
      article,
      citation,
      person: `${SURNAMES[i % SURNAMES.length]} ${'АБКМТ'[i % 5]}.${'ЖНСУ'[i % 4]}.`,
      citizenship: citizenship.text,
      received: `${day}.10.2026`,
      decided: `${day}.11.2026`,
      judge: 'Сизова Е.А.',
      actFormat: FORMATS[i % FORMATS.length]!,
      kyrgyz: citizenship.kyrgyz,
    };
  });
}

/** The resolutive act: the citizenship is only here, as on the real site. */
export function actParagraphs(c: MosgorsudCase): string[] {
  if (c.processType === 6) {
    return [
      'ПРИГОВОР',
      'Именем Российской Федерации',
      `${c.decided} г. Москва`,
      `${c.courtName} в составе судьи ${c.judge}, рассмотрев уголовное дело в отношении ${c.citizenship} ${c.person}, обвиняемого в совершении преступления, предусмотренного ${c.citation},`,
      'ПРИГОВОРИЛ:',
      `${c.person} признать виновным в совершении преступления, предусмотренного ${c.citation}, и назначить ему наказание в виде лишения свободы на срок 1 (один) год с отбыванием наказания в исправительной колонии общего режима.`,
    ];
  }
  return [
    'ПОСТАНОВЛЕНИЕ',
    `по делу об административном правонарушении № ${c.caseNumber}`,
    `${c.decided} г. Москва`,
    `Судья ${c.courtName} ${c.judge}, рассмотрев дело в отношении ${c.citizenship} ${c.person}, ДД.ММ.ГГГГ года рождения,`,
    'ПОСТАНОВИЛ:',
    `Признать ${c.person} виновным в совершении административного правонарушения, предусмотренного ${c.citation}, и назначить ему наказание в виде административного штрафа в размере 5 000 (пяти тысяч) рублей с административным выдворением за пределы Российской Федерации в форме принудительного выдворения.`,
  ];
}
