// The trends keep the counts over all flagged cases per filter and take the dismissed cases off
// per request (db/queries/trends.ts). Whatever is dismissed, that must equal counting the cases
// that are left, one by one: same totals, same groups, same region names, same order.
import { describe, expect, it } from 'vitest';
import { countTrends, trendsOf } from '../../db/queries/trends.ts';
import type { CaseFilter } from '../../db/queries/case-filters.ts';
import type { FlaggedCaseFact } from '../../db/queries/flagged-facts.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

function randomCases(random: () => number, count: number): FlaggedCaseFact[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const articles = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(['18.8', '18.10', '322', '20.25'])))];
    const regionCode = pick(['77', '66', '54', null]);
    return {
      caseId: i + 1,
      decisionDate: random() < 0.1 ? null : `2026-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}-1${Math.floor(random() * 9)}`,
      courtId: 1 + Math.floor(random() * 4),
      courtName: null,
      regionCode,
      // Some regions are named two ways in the registry: the greatest name left must win.
      regionName: regionCode === '77' ? pick(['Москва', 'г. Москва']) : regionCode === null ? null : `регион ${regionCode}`,
      strength: random() < 0.8 ? 'yes' : 'possible',
      charges: articles.map((a) => `${a === '322' ? 'УК' : 'КоАП'} ${a}`),
      articles,
      outcomes: [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(['fine', 'expulsion_forced', 'detention_center'] as const)))],
      genders: Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(['m', 'f', null])),
    };
  });
}

const FILTERS: CaseFilter[] = [
  {},
  { article: '18.8' },
  { regionCode: '77' },
  { regions: { exclude: ['77', '66'] } },
  { outcome: 'fine', strength: 'yes' },
  { from: '2026-03-01', to: '2026-06-30' },
];

describe('trends with dismissals taken off', () => {
  it('equal counting the cases left, after every dismissal and every one taken back', () => {
    const random = seededRandom(20261123);
    const cases = randomCases(random, 400);
    const dismissed = new Set<number>();
    let compared = 0;
    for (let step = 0; step < 60; step += 1) {
      const caseId = 1 + Math.floor(random() * (cases.length + 20)); // some ids are not flagged
      if (dismissed.has(caseId)) dismissed.delete(caseId);
      else dismissed.add(caseId);
      // Each step is a new set of facts, as flaggedFacts gives after a dismissal; the cases stay.
      const facts = { cases, dismissed: new Set(dismissed), open: new Map() };
      for (const filter of FILTERS) {
        expect(trendsOf(facts, filter), `step ${step}, filter ${JSON.stringify(filter)}`).toEqual(countTrends(facts, filter));
        compared += 1;
      }
    }
    expect(compared).toBe(360);
  });

  it('drops a group whose every case is dismissed, and names a region by the cases left', () => {
    const [a, b] = randomCases(seededRandom(1), 2).map((item, i) => ({ ...item, regionCode: '77', regionName: ['г. Москва', 'Москва'][i]!, charges: ['УК 322'], articles: ['322'] }));
    const cases = [a!, b!, { ...a!, caseId: 3, charges: ['КоАП 18.8'], articles: ['18.8'], regionCode: '66', regionName: 'Свердловская область' }];
    const trends = trendsOf({ cases, dismissed: new Set([1, 3]), open: new Map() }, {});
    expect(trends.totalCases).toBe(1);
    expect(trends.byRegion).toEqual([{ key: '77', name: 'Москва', count: 1 }]);
    expect(trends.byArticle).toEqual([{ key: 'УК 322', name: null, count: 1 }]);
  });
});
