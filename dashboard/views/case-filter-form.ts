// The filter form of the queue and the trends: a plain GET form, so a filtered view is a link.
import { html } from 'hono/html';
import { outcomeKinds } from '../../db/queries/case-filters.ts';
import type { FilterOptions } from '../../db/queries/triage.ts';
import { DISTRICTS } from '../config/districts.ts';
import type { FilterValues } from '../routes/case-filter-query.ts';
import { formatDate, type Html, type Viewer } from './layout.ts';

function option(value: string, label: string, selected: string | undefined): Html {
  return html`<option value="${value}" ${value === selected ? html`selected` : ''}>${label}</option>`;
}

/** A text field in dd.mm.yyyy: the browser's date picker would follow the browser's locale instead. */
function dateInput(name: string, iso: string | undefined, placeholder: string): Html {
  return html`<input name="${name}" value="${iso ? formatDate(iso) : ''}" placeholder="${placeholder}" size="10" pattern="\\d{1,2}\\.\\d{1,2}\\.\\d{4}" inputmode="numeric" />`;
}

export function caseFilterForm(action: string, options: FilterOptions, values: FilterValues, { t }: Viewer): Html {
  return html`<form method="get" action="${action}" class="filters card">
    <label
      >${t('filter.district')}
      <select name="district">
        ${option('all', t('filter.any'), values.district ?? 'all')}
        ${DISTRICTS.map((d) => option(d, t(`district.${d}`), values.district))}
      </select></label
    >
    <label
      >${t('filter.region')}
      <select name="region">
        ${option('', t('filter.any'), values.region ?? '')}
        ${options.regions.map((r) => option(r.code, `${r.code} ${r.name ?? ''}`, values.region))}
      </select></label
    >
    <label
      >${t('filter.court')}
      <select name="court">
        ${option('', t('filter.any'), values.court ?? '')} ${options.courts.map((ct) => option(String(ct.id), ct.name, values.court))}
      </select></label
    >
    <label
      >${t('filter.article')}
      <select name="article">
        ${option('', t('filter.any'), values.article ?? '')} ${options.articles.map((a) => option(a, a, values.article))}
      </select></label
    >
    <label
      >${t('filter.outcome')}
      <select name="outcome">
        ${option('', t('filter.any'), values.outcome ?? '')} ${outcomeKinds.map((k) => option(k, t(`outcome.${k}`), values.outcome))}
      </select></label
    >
    <label
      >${t('filter.strength')}
      <select name="strength">
        ${option('', t('filter.any'), values.strength ?? '')} ${option('yes', t('flag.yes'), values.strength)}
        ${option('possible', t('flag.possible'), values.strength)}
      </select></label
    >
    <label>${t('filter.from')} ${dateInput('from', values.from, t('filter.datePlaceholder'))}</label>
    <label>${t('filter.to')} ${dateInput('to', values.to, t('filter.datePlaceholder'))}</label>
    <button type="submit">${t('filter.apply')}</button>
    <a href="${action}?district=all">${t('filter.reset')}</a>
  </form>`;
}
