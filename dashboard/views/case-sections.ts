// The forms of the case page: review (status, note, assignee), follow, detainee matches.
import { html } from 'hono/html';
import { reviewStatuses } from '../../db/queries/triage.ts';
import type { CaseMatch } from '../../db/queries/case-matches.ts';
import type { reviews } from '../../db/schema.ts';
import { formatDate, type Html, type Viewer } from './layout.ts';

export interface Assignable {
  id: number;
  name: string;
}

function csrfField({ session }: Viewer): Html {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />`;
}

export function reviewForm(caseId: number, review: typeof reviews.$inferSelect, assignable: Assignable[], viewer: Viewer): Html {
  const { t } = viewer;
  return html`<form method="post" action="/cases/${caseId}/review" class="card review-form">
    <h2>${t('review.title')}</h2>
    ${csrfField(viewer)}
    <label
      >${t('review.status')}
      <select name="status">
        ${reviewStatuses.map((s) => html`<option value="${s}" ${s === review.status ? html`selected` : ''}>${t(`status.${s}`)}</option>`)}
      </select></label
    >
    <label
      >${t('review.assign')}
      <select name="assignedTo">
        <option value="">${t('review.nobody')}</option>
        ${assignable.map((u) => html`<option value="${u.id}" ${u.id === review.assignedTo ? html`selected` : ''}>${u.name}</option>`)}
      </select></label
    >
    <label>${t('review.note')} <textarea name="note" rows="3" cols="60">${review.note ?? ''}</textarea></label>
    <button type="submit">${t('review.save')}</button>
  </form>`;
}

export function followCaseForm(caseId: number, following: boolean, viewer: Viewer): Html {
  const { t } = viewer;
  return html`<form method="post" action="/cases/${caseId}/${following ? 'unfollow' : 'follow'}" class="inline">
    ${csrfField(viewer)} ${following ? html`<span>${t('case.following')}</span> ` : ''}
    <button type="submit">${following ? t('case.unfollow') : t('case.follow')}</button>
  </form>`;
}

export function followPersonForm(caseId: number, name: string, following: boolean, viewer: Viewer): Html {
  const { t } = viewer;
  return html`<form method="post" action="/cases/${caseId}/follow-person" class="inline">
    ${csrfField(viewer)}<input type="hidden" name="name" value="${name}" />
    <input type="hidden" name="follow" value="${following ? 'no' : 'yes'}" />
    <button type="submit">${following ? t('case.unfollow') : t('person.follow')}</button>
  </form>`;
}

export function caseMatchesSection(matches: CaseMatch[], viewer: Viewer): Html {
  const { t } = viewer;
  return html`<h2>${t('matches.title')}</h2>
    ${matches.length === 0
      ? html`<p>${t('matches.none')}</p>`
      : html`<table class="matches">
          <thead>
            <tr>
              <th>${t('col.person')}</th><th>${t('matches.detainee')}</th><th>${t('matches.score')}</th>
              <th>${t('matches.reasons')}</th><th>${t('col.status')}</th><th></th>
            </tr>
          </thead>
          <tbody>
            ${matches.map(
              (m) => html`<tr>
                <td>${m.personName}</td>
                <td>
                  <a href="/detainees/${m.detaineeId}">${m.detaineeLatinName ?? ''} ${m.detaineeCyrillicName ?? ''}</a>
                  <br /><small>${formatDate(m.detaineeBirthDate)} ${m.detentionCentre ?? ''}</small>
                </td>
                <td>${m.score.toFixed(2)}</td>
                <td>${m.reasons.join(', ')}</td>
                <td>${m.status}</td>
                <td>
                  <form method="post" action="/matches/${m.id}/review" class="inline">
                    ${csrfField(viewer)}
                    <button type="submit" name="decision" value="confirmed">${t('matches.confirm')}</button>
                    <button type="submit" name="decision" value="rejected">${t('matches.reject')}</button>
                  </form>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>`}`;
}
