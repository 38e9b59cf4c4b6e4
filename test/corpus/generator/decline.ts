// Forward declension of the generated names («Мамытов Азамат Бекович» → «Мамытова Азамата
// Бековича»), written independently of the pipeline's un-declension so the evaluation is not
// one function checked against itself.
export type NameCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins';

const PARTICLES = new Set(['уулу', 'кызы', 'угли', 'оглы', 'улы']);

function maleWord(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  const soft = /[йь]$/u.test(word);
  const stem = soft ? word.slice(0, -1) : word;
  if (/(?:ов|ев|ин|ын)$/u.test(word)) return word + { gen: 'а', acc: 'а', dat: 'у', ins: 'ым' }[c];
  if (/ий$/u.test(word)) return word.slice(0, -2) + { gen: 'ия', acc: 'ия', dat: 'ию', ins: 'ием' }[c];
  if (/[аеиоуыэюя]$/u.test(word)) return word;
  if (soft) return stem + { gen: 'я', acc: 'я', dat: 'ю', ins: 'ем' }[c];
  if (/[жшчщц]$/u.test(word)) return word + { gen: 'а', acc: 'а', dat: 'у', ins: 'ем' }[c];
  return word + { gen: 'а', acc: 'а', dat: 'у', ins: 'ом' }[c];
}

function femaleSurname(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  if (/(?:ова|ева|ина|ына)$/u.test(word)) return word.slice(0, -1) + { gen: 'ой', acc: 'у', dat: 'ой', ins: 'ой' }[c];
  return word;
}

function femaleGiven(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  if (/ия$/u.test(word)) return word.slice(0, -1) + { gen: 'и', acc: 'ю', dat: 'и', ins: 'ей' }[c];
  if (/а$/u.test(word)) {
    const stem = word.slice(0, -1);
    const gen = /[гкхжчшщ]$/u.test(stem) ? 'и' : 'ы';
    return stem + { gen, acc: 'у', dat: 'е', ins: 'ой' }[c];
  }
  return word; // Айгуль, Айжан, Мээрим: not declined in court texts
}

function femalePatronymic(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  return word.slice(0, -1) + { gen: 'ы', acc: 'у', dat: 'е', ins: 'ой' }[c];
}

/** Declines «Фамилия Имя Отчество» or «Отец уулу Имя» into the given case. */
export function declineName(full: string, gender: 'm' | 'f', c: NameCase): string {
  const words = full.split(' ');
  if (words.length >= 3 && PARTICLES.has(words[1]!)) {
    // «Бакыт уулу Азамат»: only the given name declines (a man's).
    return [words[0], words[1], gender === 'm' ? maleWord(words[2]!, c) : words[2], ...words.slice(3)].join(' ');
  }
  if (gender === 'm') return words.map((w) => (PARTICLES.has(w) ? w : maleWord(w, c))).join(' ');
  const [surname, given, patronymic] = words;
  return [femaleSurname(surname!, c), given ? femaleGiven(given, c) : null, patronymic ? femalePatronymic(patronymic, c) : null].filter(Boolean).join(' ');
}

/** «Мамытов Азамат Бекович» → «Мамытов А.Б.» (declined surname, initials). */
export function shortName(full: string, gender: 'm' | 'f', c: NameCase): string {
  const words = full.split(' ');
  if (words.length >= 3 && PARTICLES.has(words[1]!)) return `${words[0]} ${words[1]} ${words[2]!.charAt(0)}.`;
  const surname = declineName(words[0]!, gender, c).split(' ')[0]!;
  return `${surname} ${words.slice(1).map((w) => `${w.charAt(0)}.`).join('')}`;
}
