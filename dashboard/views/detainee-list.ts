// The consulate's detainee records, a page at a time, with the form that imports a file of them.
// Names and places come from uploaded files: they go through `html` (escaped), never `raw`.
import { html } from 'hono/html';
import type { Detainee } from '../../db/queries/detainees.ts';
import { DISTRICTS, isDistrict, type DistrictName } from '../config/districts.ts';
import type { Translate } from '../i18n/dictionary.ts';
import { formatDate, layout, type Html, type Viewer } from './layout.ts';

export interface DetaineeListing {
  rows: Detainee[];
  total: number;
  page: number;
  pages: number;
  district: DistrictName | null;
  /** Where the previous and next pages are, when there are such pages. */
  links: { previous: string | null; next: string | null };
}

export interface DetaineeUpload {
  path: string;
  maxBytes: number;
}

/** `refusal`: why the last upload was not imported (shown above the form). */
export function detaineeListPage(listing: DetaineeListing, upload: DetaineeUpload, refusal: string | null, viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('detainees.title')}</h1>
    ${uploadForm(upload, refusal, viewer)}
    <form method="get" action="/detainees" class="filters">
      <label
        >${t('filter.district')}
        <select name="district">
          <option value="">${t('filter.any')}</option>
          ${DISTRICTS.map((d) => html`<option value="${d}" ${d === listing.district ? 'selected' : ''}>${t(`district.${d}`)}</option>`)}
        </select></label
      >
      <button type="submit">${t('filter.apply')}</button>
    </form>
    <p>${t('detainees.count', { n: listing.total, page: listing.page, pages: listing.pages })}</p>
    <table class="detainees">
      <thead>
        <tr>
          <th>${t('col.latinName')}</th>
          <th>${t('col.cyrillicName')}</th>
          <th>${t('col.born')}</th>
          <th>${t('col.district')}</th>
          <th>${t('detainee.detained')}</th>
          <th>${t('detainee.place')}</th>
          <th>${t('detainee.centre')}</th>
        </tr>
      </thead>
      <tbody>
        ${listing.rows.map(
          (row) => html`<tr>
            <td><a href="/detainees/${row.id}">${row.latinName ?? '—'}</a></td>
            <td><a href="/detainees/${row.id}">${row.cyrillicName ?? '—'}</a></td>
            <td>${formatDate(row.birthDate)}</td>
            <td>${districtLabel(row.district, t)}</td>
            <td>${formatDate(row.detainedOn)}</td>
            <td>${row.detentionPlace ?? '—'}</td>
            <td>${row.detentionCentre ?? '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${listing.rows.length === 0 ? html`<p>${t('detainees.empty')}</p>` : ''}
    ${listing.links.previous || listing.links.next
      ? html`<p class="pager">
          ${listing.links.previous ? html`<a href="${listing.links.previous}" rel="prev">${t('detainees.previousPage')}</a>` : ''}
          ${listing.links.next ? html`<a href="${listing.links.next}" rel="next">${t('queue.nextPage')}</a>` : ''}
        </p>`
      : ''}`;
  return layout(t('detainees.title'), body, viewer);
}

function uploadForm(upload: DetaineeUpload, refusal: string | null, viewer: Viewer): Html {
  const { t, session } = viewer;
  return html`<form method="post" action="${upload.path}" enctype="multipart/form-data" class="card">
    <h2>${t('import.title')}</h2>
    ${refusal ? html`<p class="error" role="alert">${refusal}</p>` : ''}
    <input type="hidden" name="_csrf" value="${session.csrfToken}" />
    <label>${t('import.file')} <input type="file" name="file" accept=".csv,text/csv" required /></label>
    <label
      >${t('import.district')}
      <select name="district">
        <option value="">${t('import.districtFromFile')}</option>
        ${DISTRICTS.map((d) => html`<option value="${d}">${t(`district.${d}`)}</option>`)}
      </select></label
    >
    <p><small>${t('import.format', { mb: upload.maxBytes / 1024 / 1024 })}</small></p>
    <button type="submit">${t('import.submit')}</button>
  </form>`;
}

/** Our district names are translated; a district column's free text is shown as written. */
function districtLabel(district: string | null, t: Translate): string {
  if (!district) return '—';
  return isDistrict(district) ? t(`district.${district}`) : district;
}
