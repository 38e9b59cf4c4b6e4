// The simulated bank's acts: КоАП 18.8 rulings of Moscow-region courts, a share of them about
// Kyrgyz citizens, one with hostile markup in the text to check that it stays text.
export interface BankAct {
  id: string;
  caseNumber: string;
  court: string;
  date: string; // dd.mm.yyyy
  kind: string;
  kyrgyz: boolean;
  paragraphs: string[];
}

const COURTS = ['Бабушкинский районный суд г. Москвы', 'Химкинский городской суд Московской области', 'Подольский городской суд Московской области'];
const CITIZENSHIPS = ['гражданина Кыргызской Республики', 'гражданина Республики Узбекистан', 'гражданина Республики Таджикистан'];

export function generateBankActs(count: number): BankAct[] {
  return Array.from({ length: count }, (_, i) => {
    const citizenship = CITIZENSHIPS[i % CITIZENSHIPS.length]!;
    const date = `${String(1 + (i % 28)).padStart(2, '0')}.11.2026`;
    const caseNumber = `5-${3000 + i}/2026`;
    return {
      id: `act-${i}`,
      caseNumber,
      court: COURTS[i % COURTS.length]!,
      date,
      kind: 'Постановление',
      kyrgyz: i % CITIZENSHIPS.length === 0,
      paragraphs: [
        'ПОСТАНОВЛЕНИЕ',
        `по делу об административном правонарушении № ${caseNumber}`,
        `${date} г.`,
        `рассмотрев дело об административном правонарушении в отношении ${citizenship} ФИО1, ДД.ММ.ГГГГ года рождения,`,
        i === 1 ? 'Пояснения: <script>alert(1)</script> «без изменений»' : 'вину признал полностью,',
        'ПОСТАНОВИЛ: признать ФИО1 виновным в совершении административного правонарушения, предусмотренного ч. 3.1 ст. 18.8 КоАП РФ, и назначить административный штраф в размере 5 000 рублей с административным выдворением за пределы Российской Федерации.',
      ],
    };
  });
}
