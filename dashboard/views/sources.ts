import { html } from 'hono/html';
import type { SourcesHealth } from '../../db/queries/sources-health.ts';
import { formatTime, layout, type Html, type Viewer } from './layout.ts';

function table(headers: string[], rows: Html[], { t }: Viewer): Html {
  if (rows.length === 0) return html`<p>${t('sources.none')}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function sourcesPage(health: SourcesHealth, viewer: Viewer): Html {
  const { t } = viewer;
  const body = html`<h1>${t('sources.title')}</h1>
    <h2>${t('sources.runs')}</h2>
    ${table(
      [t('col.started'), t('col.finished'), t('col.source'), t('col.status'), t('col.pages'), t('col.newDocuments'), t('col.errors'), t('col.newCases')],
      health.runs.map(
        (run) => html`<tr class="run-${run.status}">
          <td>${formatTime(run.startedAt)}</td><td>${formatTime(run.finishedAt)}</td><td>${run.source}${run.schedule ? ` (${run.schedule})` : ''}</td>
          <td>${run.status}</td><td>${run.pagesFetched}</td><td>${run.newDocuments}</td><td>${run.errors}</td><td>${run.newCases ?? '—'}</td>
        </tr>`,
      ),
      viewer,
    )}
    <div class="columns">
      <section>
        <h2>${t('sources.errorKinds')}</h2>
        ${table([t('col.kind'), t('trends.count')], health.errorKinds.map((e) => html`<tr><td>${e.kind}</td><td>${e.count}</td></tr>`), viewer)}
      </section>
      <section>
        <h2>${t('sources.documents')}</h2>
        ${table([t('col.status'), t('trends.count')], health.documentStatuses.map((d) => html`<tr><td>${d.status}</td><td>${d.count}</td></tr>`), viewer)}
      </section>
    </div>
    <h2>${t('sources.blocked')}</h2>
    ${table(
      [t('col.court'), t('col.until'), t('col.reason')],
      [
        ...health.blockedCourts.map((b) => html`<tr><td>${b.code} ${b.name}</td><td>${formatTime(b.until)}</td><td></td></tr>`),
        ...health.blockedHosts.map((h) => html`<tr><td>${h.host}</td><td>${formatTime(h.until)}</td><td>${h.reason ?? ''}</td></tr>`),
      ],
      viewer,
    )}
    <h2>${t('sources.captcha')}</h2>
    ${table(
      [t('col.court'), t('col.seen')],
      health.captchaCourts.map((ct) => html`<tr><td>${ct.code} ${ct.name}</td><td>${formatTime(ct.seenAt)}</td></tr>`),
      viewer,
    )}
    <h2>${t('sources.lastSuccess')}</h2>
    ${table(
      [t('col.court'), t('col.lastSuccess')],
      health.staleCourts.map(
        (ct) => html`<tr><td>${ct.code} ${ct.name}</td><td>${ct.lastSuccessAt ? formatTime(ct.lastSuccessAt) : t('sources.never')}</td></tr>`,
      ),
      viewer,
    )}`;
  return layout(t('sources.title'), body, viewer);
}
