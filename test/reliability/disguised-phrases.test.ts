// Entities and invisible characters inside the words that flag a case («гражданина Кыргызской
// Республики») and its charge («ч. 1.1 ст. 18.8 КоАП РФ»): after normalization the pipeline
// must still find both, whether the act comes as a card page, as HTML or as plain text.
import { describe, expect, it } from 'vitest';
import { parseCaseCard } from '../../crawlers/sources/sudrf/parse-card.ts';
import { analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import type { CaseAnalysis } from '../../pipeline/types.ts';
import { cardWithAct, disguisedAct, disguisedPhrases } from './hostile-pages.ts';
import { CARD_URL } from './hostile-stages.ts';
import { addToTally } from './tally.ts';

function expectKyrgyz18_8(analysis: CaseAnalysis) {
  expect(analysis.kyrgyz.flag).toBe('yes');
  expect(analysis.charges).toContainEqual(expect.objectContaining({ code: 'КоАП', article: '18.8', part: '1.1' }));
}

describe.each(disguisedPhrases.map((phrase) => [phrase.name, phrase] as const))('%s', (_name, phrase) => {
  it('in an HTML act: flagged, charge 18.8 ч.1.1 found', () => {
    addToTally('disguised-phrases', { hostileInputsTried: 1 });
    expectKyrgyz18_8(analyzeDocument({ id: 'html', text: `<html><body><div id="cont_doc1">${disguisedAct(phrase)}</div></body></html>` }));
  });

  it('in a plain-text act (entities kept from a copy of the HTML): flagged, charge found', () => {
    addToTally('disguised-phrases', { hostileInputsTried: 1 });
    expectKyrgyz18_8(analyzeDocument({ id: 'text', text: disguisedAct(phrase).replace(/<\/?p>/g, '') }));
  });

  it('in the act of a sudrf card page: flagged, charge found', () => {
    addToTally('disguised-phrases', { hostileInputsTried: 1 });
    const card = parseCaseCard(cardWithAct(disguisedAct(phrase)), CARD_URL);
    if ('failure' in card) throw new Error(card.reason);
    // The simulated card's own parties and articles name another charge: judge the act alone.
    expectKyrgyz18_8(analyzeCaseCard('card', { ...card, parties: [], articles: null }));
  });
});
