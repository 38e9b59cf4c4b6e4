import { html } from 'hono/html';
import type { FollowedCase } from '../../db/queries/follows.ts';
import { daysLeftBadge } from './deadline.ts';
import { formatDate, formatTime, layout, type Html, type Viewer } from './layout.ts';

export function followedPage(rows: FollowedCase[], persons: string[], since: Date | null, viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('followed.title')}</h1>
    <p>${since ? t('followed.since', { date: formatTime(since) }) : t('followed.first')}</p>
    ${rows.length === 0 && persons.length === 0
      ? html`<p>${t('followed.none')}</p>`
      : html`<table class="followed">
          <thead>
            <tr>
              <th>${t('col.person')}</th><th>${t('col.court')}</th><th>${t('col.decision')}</th><th>${t('col.deadline')}</th><th>${t('col.status')}</th>
              <th>${t('col.changes')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => followedRow(row, viewer))}
          </tbody>
        </table>`}
    ${persons.length > 0
      ? html`<h2>${t('followed.persons')}</h2>
          <ul>
            ${persons.map((name) => html`<li>${name}</li>`)}
          </ul>`
      : ''}`;
  return layout(t('followed.title'), body, viewer);
}

function followedRow(row: FollowedCase, viewer: Viewer): Html {
  const { t } = viewer;
  const changes: string[] = [];
  if (row.caseUpdated) changes.push(t('followed.updated'));
  if (row.newHistoryEntries > 0) changes.push(t('followed.history', { n: row.newHistoryEntries }));
  if (row.reviewChanged && row.status) changes.push(t('followed.review', { status: t(`status.${row.status}`) }));
  return html`<tr data-case-id="${row.caseId}" class="${changes.length > 0 ? 'changed' : ''}">
    <td>
      <a href="/cases/${row.caseId}">${row.defendants ?? t('name.unpublished')}</a>
      ${row.viaPerson && !row.followedDirectly ? html`<br /><small>${t('followed.via', { name: row.viaPerson })}</small>` : ''}
    </td>
    <td>${row.courtName ?? '—'}<br /><small>${row.caseNumber ?? ''}</small></td>
    <td>${formatDate(row.decisionDate)}</td>
    <td>${formatDate(row.appealDeadline)} ${daysLeftBadge(row.appealDeadline, viewer)}</td>
    <td>${row.status ? t(`status.${row.status}`) : '—'}</td>
    <td class="changes">${changes.length > 0 ? changes.join('; ') : t('followed.nothing')}</td>
  </tr>`;
}
