// The bank's rendered pages: a results list (li.result with a link whose hash opens the act,
// a «Далее» link to the next page) and an act view (case number, court, date, the act's text
// in an iframe).
import { load } from 'cheerio';
import { tidy } from '../mosgorsud/html-text.ts';

export interface BankResult {
  actUrl: string;
  caseNumber: string;
  court: string | null;
  date: string | null;
}

export interface BankResultsPage {
  total: number | null;
  results: BankResult[];
  nextUrl: string | null;
}

export function parseResultsPage(html: string, pageUrl: string): BankResultsPage {
  const $ = load(html);
  const results: BankResult[] = [];
  for (const item of $('#results li.result').toArray()) {
    const link = $(item).find('a.act-link');
    const href = link.attr('href');
    if (!href) continue;
    results.push({
      actUrl: new URL(href, pageUrl).toString(),
      caseNumber: tidy(link.text()),
      court: tidy($(item).find('.court').text()) || null,
      date: tidy($(item).find('.date').text()) || null,
    });
  }
  const total = /Найдено:\s*(\d+)/u.exec($('.total').text());
  const next = $('a.next').attr('href');
  return { total: total ? Number(total[1]) : null, results, nextUrl: next ? new URL(next, pageUrl).toString() : null };
}

export interface BankActView {
  kind: string | null;
  caseNumber: string | null;
  court: string | null;
  date: string | null;
}

export function parseActView(html: string): BankActView {
  const $ = load(html);
  const text = (selector: string) => tidy($(`#act-view ${selector}`).first().text()) || null;
  return { kind: text('.act-kind'), caseNumber: text('.case-number'), court: text('.court'), date: text('.date') };
}

/** The act's text from its frame's HTML: one line per paragraph, markup never kept. */
export function actFrameText(html: string): string {
  const $ = load(html);
  $('script, style').remove();
  $('br').replaceWith('\n');
  $('p, div, tr, li, h1, h2, h3').append('\n');
  return tidy($('body').text());
}
