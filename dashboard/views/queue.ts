import { html } from 'hono/html';
import type { FilterOptions, QueueRow } from '../../db/queries/triage.ts';
import type { FilterValues } from '../routes/case-filter-query.ts';
import { caseFilterForm } from './case-filter-form.ts';
import { daysLeftBadge } from './deadline.ts';
import { formatDate, layout, type Html, type Viewer } from './layout.ts';
import { outcomeList } from './labels.ts';

/** Links to the queue's first page (when not on it) and to its next page (when there is one), filters kept. */
export interface QueuePageLinks {
  first: string | null;
  next: string | null;
}

export function queuePage(
  rows: QueueRow[],
  options: FilterOptions,
  values: FilterValues,
  viewer: Viewer,
  canReview: boolean,
  links: QueuePageLinks = { first: null, next: null },
): Html {
  const { t } = viewer;
  const body = html`<h1>${t('queue.title')}</h1>
    ${caseFilterForm('/', options, values, viewer)}
    <p>${t('queue.count', { n: rows.length })} ${canReview ? html`<span class="hint">${t('queue.keys')}</span>` : ''}</p>
    <table class="queue">
      <thead>
        <tr>
          <th>${t('col.flag')}</th>
          <th>${t('col.person')}</th>
          <th>${t('col.articles')}</th>
          <th>${t('col.outcome')}</th>
          <th>${t('col.court')}</th>
          <th>${t('col.decision')}</th>
          <th>${t('col.deadline')}</th>
          <th>${t('col.status')}</th>
          ${canReview ? html`<th>${t('col.actions')}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => queueRow(row, viewer, canReview))}
      </tbody>
    </table>
    ${rows.length === 0 ? html`<p>${t('queue.empty')}</p>` : ''}
    ${links.first || links.next
      ? html`<p class="pager">
          ${links.first ? html`<a href="${links.first}" rel="first">${t('queue.firstPage')}</a>` : ''}
          ${links.next ? html`<a href="${links.next}" rel="next">${t('queue.nextPage')}</a>` : ''}
        </p>`
      : ''}`;
  return layout(t('nav.queue'), body, viewer, canReview ? ['queue-keys.js'] : []);
}

function queueRow(row: QueueRow, viewer: Viewer, canReview: boolean): Html {
  const { t } = viewer;
  return html`<tr data-case-id="${row.caseId}">
    <td class="flag-${row.strength}">${row.strength === 'yes' ? t('flag.yes') : t('flag.possible')}</td>
    <td><a href="/cases/${row.caseId}" class="case-link">${row.defendants ?? t('name.unpublished')}</a></td>
    <td>${row.articles ?? '—'}</td>
    <td>${outcomeList(row.outcomes, t)}</td>
    <td>${row.courtName ?? '—'}<br /><small>${row.caseNumber ?? ''}</small></td>
    <td>${formatDate(row.decisionDate)}</td>
    <td>${formatDate(row.appealDeadline)} ${daysLeftBadge(row.appealDeadline, viewer)}</td>
    <td>${t(`status.${row.status}`)}${row.assignedTo ? html`<br /><small>${t('col.assigned')}: ${row.assignedTo}</small>` : ''}</td>
    ${canReview ? html`<td>${quickReview(row.caseId, viewer)}</td>` : ''}
  </tr>`;
}

/** One form, three buttons: works without JavaScript; the c/d/f keys press these buttons. */
function quickReview(caseId: number, { t, session, here }: Viewer): Html {
  return html`<form method="post" action="/cases/${caseId}/review" class="quick-review">
    <input type="hidden" name="_csrf" value="${session.csrfToken}" />
    <input type="hidden" name="back" value="${here}" />
    <button type="submit" name="status" value="confirmed" data-key="c">${t('action.confirm')}</button>
    <button type="submit" name="status" value="dismissed" data-key="d">${t('action.dismiss')}</button>
    <button type="submit" name="status" value="needs_follow_up" data-key="f">${t('action.followUp')}</button>
  </form>`;
}
