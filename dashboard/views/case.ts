import { html } from 'hono/html';
import type { EvidenceSpan } from '../../db/schema.ts';
import type { CaseDetail } from '../../db/queries/triage.ts';
import type { CaseMatch } from '../../db/queries/case-matches.ts';
import { followNameOf } from '../../db/queries/follows.ts';
import { daysLeftBadge } from './deadline.ts';
import { formatDate, formatTime, layout, type Html, type Viewer } from './layout.ts';
import { caseMatchesSection, followCaseForm, followPersonForm, reviewForm, type Assignable } from './case-sections.ts';

export interface CasePageData {
  detail: CaseDetail;
  following: { case: boolean; personNames: Set<string> };
  /** Present for roles that triage (and may see detainee records). */
  review: { assignable: Assignable[]; matches: CaseMatch[] } | null;
}

export function casePage({ detail, following, review }: CasePageData, viewer: Viewer): Html {
  const { t } = viewer;
  const c = detail.case;
  const title = t('case.title', { n: c.caseNumber ?? c.uniqueKey });
  const body = html`<h1>${title}</h1>
    <div class="card">
      <p>
        <strong>${t('case.court')}:</strong> ${c.courtName ?? detail.court?.name ?? '—'}
        ${detail.court?.region ? html` · <strong>${t('case.region')}:</strong> ${detail.court.region}` : ''} ·
        <strong>${t('case.judge')}:</strong> ${c.judge ?? '—'}
      </p>
      <p>
        <strong>${t('case.received')}:</strong> ${formatDate(c.receivedDate)} · <strong>${t('case.decision')}:</strong>
        ${formatDate(c.decisionDate)} · <strong>${t('case.deadline')}:</strong> ${formatDate(c.appealDeadline)}
        ${daysLeftBadge(c.appealDeadline, viewer)}
      </p>
      <p><strong>${t('case.result')}:</strong> ${c.resultText ?? '—'}</p>
      <p>
        <strong>${t('case.source')}:</strong>
        ${isWebAddress(c.sourceUrl) ? html`<a href="${c.sourceUrl}" rel="noreferrer noopener">${c.sourceUrl}</a>` : c.sourceUrl}
        ${c.documentId ? html` · <a href="/documents/${c.documentId}/raw">${t('case.snapshot')}</a>` : ''}
      </p>
      ${detail.flag
        ? html`<p class="flag-${detail.flag.strength}">
            ${t('case.flag', {
              strength: detail.flag.strength === 'yes' ? t('flag.yes') : t('flag.possible'),
              confidence: detail.flag.confidence.toFixed(2),
            })}
          </p>`
        : html`<p>${t('case.notFlagged')}</p>`}
      ${followCaseForm(c.id, following.case, viewer)}
    </div>
    <h2>${t('case.persons')}</h2>
    <table>
      <thead>
        <tr>
          <th>${t('col.name')}</th><th>${t('col.normalized')}</th><th>${t('col.role')}</th><th>${t('col.citizenship')}</th>
          <th>${t('col.gender')}</th><th>${t('col.born')}</th><th></th>
        </tr>
      </thead>
      <tbody>
        ${detail.persons.map(
          (p) => html`<tr>
            <td>${p.nameAsWritten}</td><td>${p.normalizedName ?? '—'}</td><td>${t(`role.${p.role}`)}</td>
            <td>${p.citizenship ?? '—'}</td><td>${p.gender ?? '—'}</td><td>${formatDate(p.birthDate)}</td>
            <td>${followPersonForm(c.id, followNameOf(p), following.personNames.has(followNameOf(p)), viewer)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <h2>${t('case.charges')}</h2>
    <ul>
      ${detail.charges.map(
        (ch) => html`<li>${ch.code} ст. ${ch.article}${ch.part ? html` ч. ${ch.part}` : ''}${ch.item ? html` п. «${ch.item}»` : ''}</li>`,
      )}
      ${detail.outcomes.map(
        (o) =>
          html`<li>
            ${t(`outcome.${o.kind}`)}${o.amountRub ? html`: ${o.amountRub} ₽` : ''}${o.days ? html`: ${o.days} d` : ''}${o.months
              ? html`: ${o.months} m`
              : ''}
          </li>`,
      )}
    </ul>
    ${review && detail.review ? reviewForm(c.id, detail.review, review.assignable, viewer) : ''}
    ${review ? caseMatchesSection(review.matches, viewer) : ''}
    <h2>${t('case.text')}</h2>
    <div class="act">${highlightEvidence(c.actText ?? '', detail.flag?.evidence ?? [])}</div>
    <h2>${t('case.history')}</h2>
    <ul class="history">
      ${detail.history.map((h) => html`<li>${formatTime(h.at)} · ${h.actor} · ${h.action} ${historyDetails(h.details, review ? detail.userNames : null, viewer)}</li>`)}
    </ul>`;
  return layout(title, body, viewer);
}

/** `userNames` null: a reader outside the consulate, who sees status changes but not the notes and assignments. */
function historyDetails(details: Record<string, unknown> | null, userNames: Map<number, string> | null, { t }: Viewer): string {
  if (!details) return '';
  const parts: string[] = [];
  const status = (value: unknown) => (typeof value === 'string' && value in STATUS_KEYS ? t(STATUS_KEYS[value]!) : String(value));
  if ('from' in details || 'to' in details) parts.push(`${status(details.from)} → ${status(details.to)}`);
  if (!userNames) return parts.join(' · ');
  if (typeof details.note === 'string' && details.note) parts.push(`«${details.note}»`);
  if ('assignedTo' in details) {
    const assignee = typeof details.assignedTo === 'number' ? (userNames.get(details.assignedTo) ?? `#${details.assignedTo}`) : t('review.nobody');
    parts.push(`${t('review.assign')}: ${assignee}`);
  }
  return parts.join(' · ');
}

const STATUS_KEYS: Record<string, 'status.new' | 'status.confirmed' | 'status.dismissed' | 'status.needs_follow_up'> = {
  new: 'status.new',
  confirmed: 'status.confirmed',
  dismissed: 'status.dismissed',
  needs_follow_up: 'status.needs_follow_up',
};

/** Only http(s) addresses become links: a scraped `javascript:` URL would run when clicked, escaped or not. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** Splits the text into escaped plain segments and <mark>ed evidence spans. */
export function highlightEvidence(text: string, evidence: EvidenceSpan[]): Html[] {
  const spans = [...evidence]
    .filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.start - b.start);
  const parts: Html[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: keep the first
    parts.push(html`${text.slice(at, span.start)}`);
    parts.push(html`<mark title="${span.cue}">${text.slice(span.start, span.end)}</mark>`);
    at = span.end;
  }
  parts.push(html`${text.slice(at)}`);
  return parts;
}
