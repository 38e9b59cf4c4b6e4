import { html } from 'hono/html';
import type { QueueRow } from '../../db/queries/triage.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { daysLeft } from './deadline.ts';
import { formatDate, layout, type Html } from './layout.ts';

export function queuePage(rows: QueueRow[], session: SessionUser, today: Date): Html {
  const body = html`<h1>Newly flagged cases</h1>
    <p>${rows.length} case(s) waiting for review, newest decision first.</p>
    <table>
      <thead>
        <tr>
          <th>Flag</th>
          <th>Person</th>
          <th>Articles</th>
          <th>Outcome</th>
          <th>Court</th>
          <th>Decision</th>
          <th>Appeal deadline</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => queueRow(row, today))}
      </tbody>
    </table>`;
  return layout('Triage queue', body, session);
}

function queueRow(row: QueueRow, today: Date): Html {
  const left = daysLeft(row.appealDeadline, today);
  return html`<tr data-case-id="${row.caseId}">
    <td class="flag-${row.strength}">${row.strength === 'yes' ? 'Kyrgyz citizen' : 'possible'}</td>
    <td><a href="/cases/${row.caseId}">${row.defendants ?? '(name not published)'}</a></td>
    <td>${row.articles ?? '—'}</td>
    <td>${row.outcomes ?? '—'}</td>
    <td>${row.courtName ?? '—'}<br /><small>${row.caseNumber ?? ''}</small></td>
    <td>${formatDate(row.decisionDate)}</td>
    <td>
      ${formatDate(row.appealDeadline)}
      ${left === null ? '' : html` <span class="${left <= 3 ? 'deadline-urgent' : ''}">${left} day(s) left</span>`}
    </td>
    <td>${row.status}</td>
  </tr>`;
}
