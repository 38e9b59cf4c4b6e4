import { html } from 'hono/html';
import type { EvidenceSpan } from '../../db/schema.ts';
import { reviewStatuses, type CaseDetail } from '../../db/queries/triage.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { daysLeft } from './deadline.ts';
import { formatDate, layout, type Html } from './layout.ts';

export function casePage(detail: CaseDetail, session: SessionUser, canReview: boolean, today: Date): Html {
  const c = detail.case;
  const left = daysLeft(c.appealDeadline, today);
  const body = html`<h1>Case ${c.caseNumber ?? c.uniqueKey}</h1>
    <div class="card">
      <p><strong>Court:</strong> ${c.courtName ?? '—'} · <strong>Judge:</strong> ${c.judge ?? '—'}</p>
      <p>
        <strong>Received:</strong> ${formatDate(c.receivedDate)} · <strong>Decision:</strong> ${formatDate(c.decisionDate)}
        · <strong>Appeal deadline:</strong> ${formatDate(c.appealDeadline)}
        ${left === null ? '' : html`<span class="${left <= 3 ? 'deadline-urgent' : ''}">(${left} day(s) left)</span>`}
      </p>
      <p><strong>Result:</strong> ${c.resultText ?? '—'}</p>
      <p>
        <strong>Source:</strong> <a href="${c.sourceUrl}" rel="noreferrer noopener">${c.sourceUrl}</a>
        ${c.documentId ? html` · <a href="/documents/${c.documentId}/raw">stored snapshot</a>` : ''}
      </p>
      ${detail.flag
        ? html`<p class="flag-${detail.flag.strength}">
            Kyrgyz flag: ${detail.flag.strength} (confidence ${detail.flag.confidence.toFixed(2)})
          </p>`
        : html`<p>Not flagged.</p>`}
    </div>
    <h2>Persons</h2>
    <table>
      <thead><tr><th>Name as written</th><th>Normalized</th><th>Role</th><th>Citizenship</th><th>Gender</th><th>Born</th></tr></thead>
      <tbody>
        ${detail.persons.map(
          (p) => html`<tr>
            <td>${p.nameAsWritten}</td><td>${p.normalizedName ?? '—'}</td><td>${p.role}</td>
            <td>${p.citizenship ?? '—'}</td><td>${p.gender ?? '—'}</td><td>${formatDate(p.birthDate)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <h2>Charges and outcome</h2>
    <ul>
      ${detail.charges.map(
        (ch) => html`<li>${ch.code} ст. ${ch.article}${ch.part ? html` ч. ${ch.part}` : ''}${ch.item ? html` п. «${ch.item}»` : ''}</li>`,
      )}
      ${detail.outcomes.map(
        (o) =>
          html`<li>${o.kind}${o.amountRub ? html`: ${o.amountRub} ₽` : ''}${o.days ? html`: ${o.days} days` : ''}${o.months
            ? html`: ${o.months} months`
            : ''}</li>`,
      )}
    </ul>
    ${canReview && detail.review ? reviewForm(c.id, detail.review.status, detail.review.note, session.csrfToken) : ''}
    <h2>Decision text</h2>
    <div class="act">${highlightEvidence(c.actText ?? '', detail.flag?.evidence ?? [])}</div>
    <h2>History</h2>
    <ul>
      ${detail.history.map((h) => html`<li>${h.at.toISOString()} · ${h.actor} · ${h.action} ${JSON.stringify(h.details)}</li>`)}
    </ul>`;
  return layout(`Case ${c.caseNumber ?? ''}`, body, session);
}

function reviewForm(caseId: number, status: string, note: string | null, csrf: string): Html {
  return html`<form method="post" action="/cases/${caseId}/review" class="card">
    <input type="hidden" name="_csrf" value="${csrf}" />
    <label
      >Status
      <select name="status">
        ${reviewStatuses.map((s) => html`<option value="${s}" ${s === status ? 'selected' : ''}>${s}</option>`)}
      </select></label
    >
    <label>Note <textarea name="note" rows="3" cols="60">${note ?? ''}</textarea></label>
    <button type="submit">Save review</button>
  </form>`;
}

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
