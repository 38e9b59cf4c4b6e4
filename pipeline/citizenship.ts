// Is a person a citizen of Kyrgyzstan? Strong cues name the citizenship; weak cues (a Kyrgyz
// birthplace, «уулу»/«кызы») only count together. Traps: other Central Asian citizenships,
// interpreters from Kyrgyz, witnesses, redacted citizenship.
import type { EvidenceSpan } from './types.ts';
import { wordRegex } from './cyrillic.ts';

const KG_STATE = '(?:Кыргызской\\s+Республики|Киргизской\\s+Республики|Республики\\s+Кыргызстан|Кыргызстана|Киргизии|Киргизстана|КР)';
/** «гражданин(а/ину/ином) / гражданка(и/е/ой) / гражданство» followed by the state. */
const STRONG = wordRegex(`граждан(?:ин|ина|ину|ином|ка|ки|ке|кой|ку|ство|ства|ством)?\\s+${KG_STATE}`);
const OTHER_STATE = wordRegex(
  'граждан(?:ин|ина|ину|ином|ка|ки|ке|кой|ку|ство|ства)?\\s+(?:Республики\\s+(?:Узбекистан|Таджикистан|Казахстан|Туркменистан|Беларусь|Армения|Азербайджан)|Российской\\s+Федерации|Украины|Узбекистана|Таджикистана|Казахстана)',
);
const BIRTHPLACE = wordRegex('уроженц(?:а|ем|у)?\\s+[^\\n.;]{0,60}?(?:Киргизской\\s+ССР|Кыргызской\\s+Республики|Кыргызстана|г\\.\\s*(?:Ош|Бишкек|Фрунзе|Джалал-Абад|Каракол|Токмок|Нарын|Баткен|Талас))');
const NAME_PARTICLE = wordRegex('(?:уулу|кызы)');

export type CueKind = 'citizenship' | 'birthplace' | 'name_particle';

export interface CitizenshipCue extends EvidenceSpan {
  cue: CueKind;
}

function spans(text: string, regex: RegExp, cue: CueKind): CitizenshipCue[] {
  return [...text.matchAll(regex)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], cue }));
}

export interface CitizenshipFinding {
  strong: CitizenshipCue[];
  weak: CitizenshipCue[];
  /** Other citizenships named in the text (a trap when nothing Kyrgyz is strong). */
  other: EvidenceSpan[];
}

/** Citizenship cues in a text about the person charged (the act or the card). */
export function findCitizenshipCues(text: string): CitizenshipFinding {
  const strong = spans(text, STRONG, 'citizenship').filter((span) => !isAboutWitness(text, span.start));
  const weak = [...spans(text, BIRTHPLACE, 'birthplace'), ...spans(text, NAME_PARTICLE, 'name_particle')];
  const other = [...text.matchAll(OTHER_STATE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], cue: 'other_citizenship' }));
  return { strong, weak, other };
}

/** A cue in a sentence that introduces a witness or an interpreter is not about the accused. */
function isAboutWitness(text: string, at: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  const before = text.slice(sentenceStart, at);
  return /(?<!\p{L})(свидетел\p{L}*|переводчик\p{L}*|работник\p{L}*|зарегистрирован\p{L}*)(?!\p{L})/u.test(before);
}
