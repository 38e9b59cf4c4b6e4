// HTML in the two sudrf layouts, with the same selectors as the real pages. One entry point
// for the server (and the crawl benchmark, which builds card URLs with cardPath).
import type { SimulatedCase } from './generate-cases.ts';
import type { CourtPageContext } from './render-page.ts';
import { renderPrimaryCard } from './render-primary.ts';
import { renderVnkodCard } from './render-vnkod.ts';

export { actOnSeparatePage, actPath, cardPath, renderActPage, type CourtPageContext } from './render-page.ts';
export { captchaForm, notFoundPage, renderList, ROWS_PER_PAGE, throttlePage, wafPage } from './render-list.ts';

export function renderCard(court: CourtPageContext, c: SimulatedCase): string {
  return court.layout === 'primary' ? renderPrimaryCard(court, c) : renderVnkodCard(court, c);
}
