// The false-positive traps of DOMAIN.md §3, as sentences the templates insert.
import { declineName } from './decline.ts';
import { makePerson, STATE_GENITIVE } from './names.ts';
import type { Chooser } from './random.ts';

export type Trap =
  | 'interpreter_kg' // «переводчика с киргизского языка» for a non-Kyrgyz accused
  | 'witness_kg' // a Kyrgyz witness
  | 'registered_kg' // УК 322.3: Kyrgyz citizens registered by a Russian host
  | 'workers_kg' // КоАП 18.15: Kyrgyz workers of a charged employer
  | 'redacted' // «гражданина <данные изъяты>»
  | 'travel_kg' // a Kyrgyz city as a destination
  | 'kazakh_particle' // a Kazakh «кызы»/«уулу»-style name with Kazakh citizenship
  | 'ru_born_kg' // a Russian citizen born in the Kirghiz SSR
  | 'victim_kg' // a Kyrgyz victim
  | 'weak_only' // Kyrgyz birthplace or name, citizenship not stated
  | 'prior_conviction' // earlier articles quoted as a criminal record
  | 'quoted_sanction'; // the law's sanction quoted before the resolutive part

/** «Допрошенный в качестве свидетеля Асанов Б.Т., гражданин Кыргызской Республики, пояснил …». */
export function witnessParagraph(choose: Chooser): string {
  const witness = makePerson(choose, 'KG', choose.chance(0.3) ? 'f' : 'm');
  const w = witness.full.split(' ');
  const short = `${w[0]} ${w[1]!.charAt(0)}.${w[2]!.charAt(0)}.`;
  const state = choose.variant(STATE_GENITIVE.KG);
  const f = witness.gender === 'f';
  return choose.variant([
    `Допрошенн${f ? 'ая' : 'ый'} в судебном заседании в качестве свидетеля ${short}, граждан${f ? 'ка' : 'ин'} ${state}, ${f ? 'пояснила' : 'пояснил'}, что проживал${f ? 'а' : ''} с привлекаемым лицом в одной квартире.`,
    `Свидетель ФИО${choose.int(3, 6)}, являющ${f ? 'аяся гражданкой' : 'ийся гражданином'} ${state}, в судебном заседании ${f ? 'показала' : 'показал'}, что работал${f ? 'а' : ''} вместе с привлекаемым лицом.`,
    `Из показаний свидетеля - граждан${f ? 'ки' : 'ина'} ${state} ${declineName(short.split(' ')[0]!, witness.gender, 'gen')} ${short.split(' ')[1]} следует, что привлекаемое лицо проживало по указанному адресу.`,
    `Свидетель ${short} (граждан${f ? 'ка' : 'ин'} ${state}) ${f ? 'пояснила' : 'пояснил'} суду, что знаком${f ? 'а' : ''} с привлекаемым лицом около года.`,
  ]);
}
