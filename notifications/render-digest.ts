// A district's daily digest as text and as HTML. Pure. Names appear only as surname and
// initials; every value from a court page is escaped in the HTML (court texts are not ours).
import type { DigestCase } from './new-cases.ts';

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const OUTCOME_LABELS: Record<string, string> = {
  fine: 'штраф',
  expulsion_forced: 'принудительное выдворение',
  expulsion_self: 'контролируемый самостоятельный выезд',
  no_expulsion: 'без выдворения',
  detention_center: 'помещение в ЦВСИГ',
  arrest: 'административный арест',
  imprisonment: 'лишение свободы',
  suspended: 'условно',
  returned: 'материалы возвращены',
  forwarded: 'передано по подведомственности',
  cancelled: 'производство прекращено / отменено',
  other: 'иное',
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase('ru') + word.slice(1).toLocaleLowerCase('ru');

/**
 * «МАМЫТОВ Азамат Бекович» → «Мамытов А.Б.»; «Жумабеков А.Т.» stays; «ФИО1» (depersonalised)
 * stays; «Бакыт уулу Нурлан» → «Бакыт уулу Н.» (the patronymic particle belongs to the surname).
 */
export function surnameAndInitials(name: string): string {
  const words = name.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1 && /\d/.test(words[0]!)) return words[0]!; // «ФИО1»: a depersonalisation marker
  const surnameWords = words.length > 2 && /^(уулу|кызы)$/iu.test(words[1]!) ? 2 : 1;
  const surname = words.slice(0, surnameWords).map((word) => (/^(уулу|кызы)$/iu.test(word) ? word.toLowerCase() : word.split('-').map(capitalize).join('-')));
  const initials = words
    .slice(surnameWords)
    .flatMap((word) => word.split('.').filter(Boolean))
    .map((part) => `${part.charAt(0).toLocaleUpperCase('ru')}.`)
    .join('');
  return [surname.join(' '), initials].filter(Boolean).join(' ');
}

const ruDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '—');

function chargeText(charge: DigestCase['charges'][number]): string {
  return [charge.item ? `п. «${charge.item}»` : null, charge.part ? `ч. ${charge.part}` : null, `ст. ${charge.article} ${charge.code}`].filter(Boolean).join(' ');
}

function outcomeText(outcome: DigestCase['outcomes'][number]): string {
  const label = OUTCOME_LABELS[outcome.kind] ?? outcome.kind;
  if (outcome.amountRub) return `${label} ${outcome.amountRub.toLocaleString('ru-RU')} руб.`;
  if (outcome.days) return `${label} ${outcome.days} сут.`;
  if (outcome.months) return `${label} ${outcome.months} мес.`;
  return label;
}

interface DigestRow {
  caseNumber: string;
  court: string;
  persons: string;
  articles: string;
  outcome: string;
  decided: string;
  appealBy: string;
  possible: boolean;
}

function rowOf(entry: DigestCase): DigestRow {
  return {
    caseNumber: entry.caseNumber ?? '—',
    court: entry.court ?? '—',
    persons: entry.accused.map(surnameAndInitials).join(', ') || '—',
    articles: entry.charges.map(chargeText).join('; ') || '—',
    outcome: entry.outcomes.map(outcomeText).join(', ') || '—',
    decided: ruDate(entry.decisionDate),
    appealBy: ruDate(entry.appealDeadline),
    possible: entry.flagStrength === 'possible',
  };
}

export function renderDigest(districtLabel: string, digestDate: string, entries: DigestCase[]): DigestMessage {
  const rows = entries.map(rowOf);
  const subject = `Kuzet: ${rows.length} новых дел граждан Кыргызстана — ${districtLabel}, ${ruDate(digestDate)}`;
  const text = [
    `Новые дела с признаками гражданства Кыргызской Республики (${districtLabel}), сводка за ${ruDate(digestDate)}.`,
    '',
    ...rows.map((row, index) =>
      [
        `${index + 1}. Дело № ${row.caseNumber}${row.possible ? ' (возможно, требует проверки)' : ''}`,
        `   Суд: ${row.court}`,
        `   Лица: ${row.persons}`,
        `   Статьи: ${row.articles}`,
        `   Решение: ${row.outcome}, дата решения ${row.decided}`,
        `   Срок обжалования до: ${row.appealBy}`,
      ].join('\n'),
    ),
    '',
    'Подробности и доказательства — в Kuzet. Это письмо создано автоматически.',
  ].join('\n');
  const cells = (row: DigestRow) =>
    [row.caseNumber + (row.possible ? ' (?)' : ''), row.court, row.persons, row.articles, row.outcome, row.decided, row.appealBy]
      .map((value) => `<td>${escapeHtml(value)}</td>`)
      .join('');
  const html = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p>Новые дела с признаками гражданства Кыргызской Республики (${escapeHtml(districtLabel)}), сводка за ${escapeHtml(ruDate(digestDate))}.</p>
<table border="1" cellpadding="4" cellspacing="0">
<thead><tr><th>Дело №</th><th>Суд</th><th>Лица</th><th>Статьи</th><th>Решение</th><th>Дата решения</th><th>Обжаловать до</th></tr></thead>
<tbody>
${rows.map((row) => `<tr>${cells(row)}</tr>`).join('\n')}
</tbody></table>
<p>Подробности и доказательства — в Kuzet. Это письмо создано автоматически.</p>
</body></html>`;
  return { subject, text, html };
}
