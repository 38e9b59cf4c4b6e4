import { html } from 'hono/html';
import type { DetaineeWithLatestCheck } from '../../db/queries/detainees.ts';
import type { MatchView } from '../../db/queries/matches.ts';
import { formatDate, formatTime, layout, type Html, type Viewer } from './layout.ts';

export function detaineePage(detainee: DetaineeWithLatestCheck, matches: MatchView[], viewer: Viewer): Html {
  const { t } = viewer;
  const title = t('detainee.title', { n: detainee.id });
  const body = html`<h1>${title}</h1>
    <div class="card">
      <p><strong>${detainee.latinName ?? '—'}</strong> · ${detainee.cyrillicName ?? '—'}</p>
      <p>${t('col.born')}: ${formatDate(detainee.birthDate)} · ${t('col.district')}: ${detainee.district ?? '—'}</p>
      <p>
        ${t('detainee.detained')}: ${formatDate(detainee.detainedOn)} · ${t('detainee.place')}: ${detainee.detentionPlace ?? '—'} ·
        ${t('detainee.centre')}: ${detainee.detentionCentre ?? '—'}
      </p>
      ${detainee.entryBan ? html`<p>MVD: ${detainee.entryBan.result} (${formatTime(detainee.entryBan.checkedAt)})</p>` : ''}
    </div>
    <h2>${t('matches.title')}</h2>
    <table>
      <thead>
        <tr><th>${t('col.person')}</th><th>${t('col.court')}</th><th>${t('col.decision')}</th><th>${t('matches.score')}</th><th>${t('col.status')}</th></tr>
      </thead>
      <tbody>
        ${matches.map(
          (m) => html`<tr>
            <td><a href="/cases/${m.caseId}">${m.personName}</a></td>
            <td>${m.courtName ?? '—'} <small>${m.caseNumber ?? ''}</small></td>
            <td>${formatDate(m.decisionDate)}</td>
            <td>${m.score.toFixed(2)}</td>
            <td>${m.status}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  return layout(title, body, viewer);
}
