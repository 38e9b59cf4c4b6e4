// The page frame. Every value interpolated with `html` is escaped by hono; scraped text is
// never passed through `raw`.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SessionUser } from '../../db/queries/users.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function layout(title: string, body: Html, session: SessionUser | null): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Kuzet</title>
    <link rel="stylesheet" href="/static/app.css" />
  </head>
  <body>
    <header>
      <strong><a href="/">Kuzet</a></strong>
      ${session
        ? html`<a href="/">Triage queue</a>
            <span class="who"
              >${session.user.displayName ?? session.user.username} (${session.user.role})
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value="${session.csrfToken}" /><button type="submit">Log out</button>
              </form></span
            >`
        : ''}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}

/** dd.mm.yyyy, the format Russian court documents and our users read. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}
