// Persons from a case card's parties table: names as the court registered them (nominative),
// roles as the table writes them.
import type { CaseParty } from '../db/case-card.ts';
import { genderFromEndings, genderOfName, isDepersonalized, titleCase } from './name-forms.ts';
import type { PersonMention, PersonRoleName } from './types.ts';

// Roles in card parties tables (sudrf, both layouts; mos-gorsud).
const ROLE_BY_CARD: [RegExp, PersonRoleName][] = [
  [/ПРИВЛЕКАЕМОЕ\s+ЛИЦО|ЛИЦО,\s+В\s+ОТНОШЕНИИ|ПРАВОНАРУШИТЕЛ/iu, 'person_charged'],
  [/ПОДСУДИМ|ОСУЖДЕНН|ОБВИНЯЕМ|ОПРАВДАНН|^ЛИЦА$/iu, 'defendant'],
  [/ПОТЕРПЕВШ/iu, 'victim'],
  [/СВИДЕТЕЛ/iu, 'witness'],
  // In КАС cases about entry bans and detention the foreign citizen is the administrative plaintiff.
  [/АДМИНИСТРАТИВН\S*\s+(?:ИСТЕЦ|ОТВЕТЧИК)|ЗАЯВИТЕЛЬ|ЗАИНТЕРЕСОВАННОЕ\s+ЛИЦО/iu, 'person_charged'],
];
const ORGANISATION_NAME = /(?<!\p{L})(?:ООО|ОАО|ЗАО|АО|ПАО|ФКУ|УФСИН|ФСИН|МВД|УМВД|ГУ|ОВМ|ОМВД|Управлени\p{L}*|Отдел\p{L}*|России|ФГУП|ФССП|Прокурор\p{L}*)(?!\p{L})/u;

export function roleOf(roleAsWritten: string): PersonRoleName {
  for (const [pattern, role] of ROLE_BY_CARD) if (pattern.test(roleAsWritten.trim())) return role;
  return 'other';
}

export function isOrganisationName(name: string): boolean {
  return ORGANISATION_NAME.test(name);
}

/** Card parties are registered in the nominative: only the letter case needs fixing. */
export function personsFromCard(parties: CaseParty[]): PersonMention[] {
  return parties
    .map((party) => ({ party, organisation: isOrganisationName(party.name), role: roleOf(party.roleAsWritten) }))
    .map(({ party, organisation, role }) => ({
      party,
      organisation,
      // КАС: the state body is a party too (plaintiff when it asks for placement in a ЦВСИГ, defendant
      // when a ban is challenged); the foreign citizen is the person whose fate is decided.
      role: /АДМИНИСТРАТИВН\S*\s+(?:ИСТЕЦ|ОТВЕТЧИК)|ЗАЯВИТЕЛ|ЗАИНТЕРЕСОВАНН/iu.test(party.roleAsWritten) ? (organisation ? 'other' : 'person_charged') : role,
    }))
    .filter(({ organisation, role }) => !organisation || role === 'person_charged')
    .map(({ party, organisation, role }) => {
      const depersonalized = isDepersonalized(party.name);
      const normalized = depersonalized ? null : organisation ? party.name.trim() : titleCase(party.name);
      return {
        name: party.name,
        normalized,
        role: role as PersonRoleName,
        citizenship: null,
        gender: depersonalized || organisation ? null : genderOfName(party.name) ?? genderFromEndings(normalized ?? '', 'nom'),
        birthDate: null,
        birthPlace: null,
        depersonalized,
      };
    });
}
