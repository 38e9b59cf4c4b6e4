// People in a case: from the card's parties table when there is one (names as the court
// registered them), otherwise from the act text («в отношении Мамытова Азамата Бековича»).
import type { CaseParty } from '../db/case-card.ts';
import type { PersonMention, PersonRoleName } from './types.ts';

const ROLE_BY_CARD: [RegExp, PersonRoleName][] = [
  [/ПРИВЛЕКАЕМОЕ\s+ЛИЦО|ЛИЦО,\s+В\s+ОТНОШЕНИИ/iu, 'person_charged'],
  [/ПОДСУДИМ|ОСУЖДЕНН|ОБВИНЯЕМ|^ЛИЦА$/iu, 'defendant'],
  [/ПОТЕРПЕВШ/iu, 'victim'],
  [/СВИДЕТЕЛ/iu, 'witness'],
  // In КАС cases about entry bans and detention the foreign citizen is the administrative plaintiff.
  [/АДМИНИСТРАТИВНЫЙ\s+ИСТЕЦ|ЗАЯВИТЕЛЬ/iu, 'person_charged'],
];

const DEPERSONALIZED = /^(?:ФИО\d*|[А-Я]\.[А-Я]\.(?:[А-Я]\.)?|<данные изъяты>|Информация скрыта|\[?данные изъяты\]?)$/u;
const ORGANISATION = /(?:ООО|ОАО|ЗАО|АО|ПАО|ИП|ФКУ|УФСИН|ФСИН|МВД|УМВД|ГУ|ОВМ|Управлени|Отдел|России|ФГУП)(?!\p{L})/u;

export function roleOf(roleAsWritten: string): PersonRoleName {
  for (const [pattern, role] of ROLE_BY_CARD) if (pattern.test(roleAsWritten.trim())) return role;
  return 'other';
}

/** Gender from the name itself: «кызы», patronymics in -овна/-евна/-ична, «уулу», -ович/-евич. */
export function genderOfName(name: string): 'm' | 'f' | null {
  if (/(?<!\p{L})кызы(?!\p{L})|(?:овна|евна|ична|инична)(?!\p{L})/iu.test(name)) return 'f';
  if (/(?<!\p{L})уулу(?!\p{L})|(?:ович|евич|ич)(?!\p{L})/iu.test(name)) return 'm';
  return null;
}

/** Title-case an upper-case listing name («МАХМУДОВ Д.П.» → «Махмудов Д.П.»). */
export function normalizeName(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((word) => (word.length > 1 && word === word.toUpperCase() && !/\./.test(word) ? word[0] + word.slice(1).toLowerCase() : word))
    .join(' ');
}

export function personsFromCard(parties: CaseParty[]): PersonMention[] {
  return parties
    .filter((party) => !ORGANISATION.test(party.name))
    .map((party) => {
      const depersonalized = DEPERSONALIZED.test(party.name.trim());
      return {
        name: party.name,
        normalized: depersonalized ? null : normalizeName(party.name),
        role: roleOf(party.roleAsWritten),
        citizenship: null,
        gender: depersonalized ? null : genderOfName(party.name),
        birthDate: null,
        depersonalized,
      };
    });
}

const ACCUSED_IN_TEXT = /в\s+отношении\s+((?:[А-ЯЁ][а-яё-]+|уулу|кызы)(?:\s+(?:[А-ЯЁ][а-яё-]+|уулу|кызы|[А-Я]\.\s?[А-Я]?\.?)){0,3})/u;
const BIRTH_DATE = /(\d{2})\.(\d{2})\.(\d{4})\s*(?:года\s+рождения|г\.\s*р\.|г\.р\.)/u;

/** Undo the genitive of a man's name (Мамытова Азамата Бековича → Мамытов Азамат Бекович). */
function nominativeMale(genitive: string): string {
  return genitive
    .split(' ')
    .map((word) => (/[бвгджзклмнпрстфхцчшщ]а$/u.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}

export function personsFromText(text: string): PersonMention[] {
  const match = ACCUSED_IN_TEXT.exec(text);
  if (!match) return [];
  const written = match[1]!;
  const window = text.slice(match.index, match.index + 400);
  const female = /гражданк|виновной|уроженки/u.test(window);
  const birth = BIRTH_DATE.exec(window);
  const depersonalized = /^ФИО\d*$/u.test(written);
  return [
    {
      name: written,
      normalized: depersonalized || female ? null : nominativeMale(written),
      role: 'person_charged',
      citizenship: null,
      gender: female ? 'f' : /гражданин|виновным|уроженца/u.test(window) ? 'm' : genderOfName(written),
      birthDate: birth ? `${birth[3]}-${birth[2]}-${birth[1]}` : null,
      depersonalized,
    },
  ];
}
