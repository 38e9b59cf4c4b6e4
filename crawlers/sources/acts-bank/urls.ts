// The judicial-acts bank pattern (bsr.sudrf.ru): one portal page whose query is JSON in the
// URL hash, read by the page's script. A request's URL is the portal page plus that hash, so
// the frontier key of each search page and each act is its hash.
export const ACTS_BANK_SOURCE = 'acts-bank';
/** The live portal (JS app, captcha, often down; its query fields are unverified). */
export const ACTS_BANK_PORTAL_URL = 'https://bsr.sudrf.ru/bigs/portal.html';

export interface BankSearchQuery {
  text: string;
  page: number;
  /** Decision dates, YYYY-MM-DD ('' for no bound). */
  from: string;
  to: string;
}

export type BankHashQuery = BankSearchQuery | { act: string };

export function portalUrl(portal: string, query: BankHashQuery): string {
  const url = new URL(portal);
  url.hash = encodeURIComponent(JSON.stringify(query));
  return url.toString();
}

/** Searches that find migration rulings about Kyrgyz citizens in the bank's full text. */
export const watchedTexts = ['18.8 Кыргызской Республики', '18.10 Кыргызской Республики', '322 Кыргызской Республики', '18.8 Киргизии'];
