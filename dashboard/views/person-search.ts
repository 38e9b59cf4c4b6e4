// Person search: a name (and a birth date when the family knows it) against every court person
// and, for consular staff, the detainee records. Scraped names are hostile: the html tag escapes.
import { html } from 'hono/html';
import type { PersonHit } from '../../db/queries/person-search.ts';
import { formatDate, layout, type Html, type Viewer } from './layout.ts';

export interface PersonSearchForm {
  name: string;
  birthDate: string;
}

export function personSearchPage(form: PersonSearchForm, hits: PersonHit[] | null, viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('search.title')}</h1>
    <form method="get" action="/search" class="person-search">
      <label>${t('search.name')} <input type="search" name="name" value="${form.name}" maxlength="200" required /></label>
      <label>${t('search.birthDate')} <input type="date" name="birthDate" value="${form.birthDate}" /></label>
      <button type="submit">${t('search.submit')}</button>
    </form>
    ${hits === null ? '' : hits.length === 0 ? html`<p>${t('search.none')}</p>` : hitsTable(hits, viewer)}`;
  return layout(t('search.title'), body, viewer);
}

function hitsTable(hits: PersonHit[], viewer: Viewer): Html {
  const { t } = viewer;
  return html`<table class="search-hits">
    <thead>
      <tr><th>${t('col.person')}</th><th>${t('search.birthDate')}</th><th>${t('search.found')}</th><th>${t('search.score')}</th></tr>
    </thead>
    <tbody>
      ${hits.map(
        (hit) => html`<tr data-kind="${hit.kind}">
          <td>${hit.name}</td>
          <td>${formatDate(hit.birthDate)}</td>
          <td>${hit.kind === 'detainee'
            ? html`<a href="/detainees/${hit.id}">${t('search.detainee')}</a>`
            : hit.caseId !== null
              ? html`<a href="/cases/${hit.caseId}">${hit.courtName ?? '—'} ${hit.caseNumber ?? ''}</a> <small>${formatDate(hit.decisionDate)}</small>`
              : '—'}</td>
          <td>${hit.score.toFixed(2)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
