import { html } from 'hono/html';
import type { Html, Viewer } from './layout.ts';

/** Whole days from `today` to an ISO date deadline (negative when passed); null without a deadline. */
export function daysLeft(deadline: string | null, today: Date): number | null {
  if (!deadline) return null;
  const end = Date.UTC(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)) - 1, Number(deadline.slice(8, 10)));
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((end - start) / 86_400_000);
}

/** "N day(s) left", red from 3 days down: an appeal filed late is lost. */
export function daysLeftBadge(deadline: string | null, { t, today }: Pick<Viewer, 't' | 'today'>): Html | '' {
  const left = daysLeft(deadline, today);
  if (left === null) return '';
  if (left < 0) return html`<span class="deadline-passed">${t('deadline.passed', { n: -left })}</span>`;
  return html`<span class="${left <= 3 ? 'deadline-urgent' : 'deadline'}">${t('deadline.left', { n: left })}</span>`;
}
