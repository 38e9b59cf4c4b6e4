import { html } from 'hono/html';
import type { FilterOptions } from '../../db/queries/triage.ts';
import type { FilterValues } from '../routes/case-filter-query.ts';
import { filterQueryString } from '../routes/case-filter-query.ts';
import { barChart } from './bar-chart.ts';
import { caseFilterForm } from './case-filter-form.ts';
import { layout, type Html, type Viewer } from './layout.ts';
import type { TrendTable } from './trend-tables.ts';

export function trendsPage(totalCases: number, tables: TrendTable[], options: FilterOptions, values: FilterValues, viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('trends.title')}</h1>
    ${caseFilterForm('/trends', options, values, viewer)}
    <p>
      <span class="total">${t('trends.total', { n: totalCases })}</span>
      <a class="button" href="/trends.csv${filterQueryString(values)}" download>${t('trends.csv')}</a>
    </p>
    ${tables.map(
      (table) => html`<section class="trend" data-table="${table.id}">
        <h2>${t(table.title)}</h2>
        ${table.rows.length === 0
          ? html`<p>${t('trends.none')}</p>`
          : html`<div class="trend-body">
              <table>
                <thead>
                  <tr><th>${t('trends.key')}</th><th>${t(table.unit)}</th></tr>
                </thead>
                <tbody>
                  ${table.rows.map((row) => html`<tr><td>${row.label}</td><td class="count">${row.count}</td></tr>`)}
                </tbody>
              </table>
              ${barChart(t(table.title), table.rows)}
            </div>`}
      </section>`,
    )}`;
  return layout(t('trends.title'), body, viewer);
}
