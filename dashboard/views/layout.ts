// The page frame. Every value interpolated with `html` is escaped by hono; scraped text is
// never passed through `raw`.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SessionUser, UserRoleName } from '../../db/queries/users.ts';
import { LANGUAGES, LANGUAGE_NAMES, translator, type Language, type MessageKey, type Translate } from '../i18n/dictionary.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every page knows about who looks at it and in which language. */
export interface PageFrame {
  session: SessionUser | null;
  language: Language;
  t: Translate;
  /** Path and query of the page, for forms that come back to it. */
  here: string;
}

export interface Viewer extends PageFrame {
  session: SessionUser;
  today: Date;
}

const NAVIGATION: { href: string; label: MessageKey; roles: readonly UserRoleName[] }[] = [
  { href: '/', label: 'nav.queue', roles: ['admin', 'consular', 'ngo'] },
  { href: '/followed', label: 'nav.followed', roles: ['admin', 'consular', 'ngo'] },
  { href: '/search', label: 'nav.search', roles: ['admin', 'consular', 'ngo'] },
  { href: '/detainees', label: 'nav.detainees', roles: ['admin', 'consular'] },
  { href: '/trends', label: 'nav.trends', roles: ['admin', 'consular', 'ngo', 'analyst'] },
  { href: '/sources', label: 'nav.sources', roles: ['admin', 'consular'] },
  { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
];

const ENGLISH_FRAME: PageFrame = { session: null, language: 'en', t: translator('en'), here: '/' };

/** `scripts` are static files under /static (CSP forbids inline scripts). */
export function layout(title: string, body: Html, frame: PageFrame | null, scripts: string[] = []): Html {
  const { session, language, t, here } = frame ?? ENGLISH_FRAME;
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Kuzet</title>
    <link rel="stylesheet" href="/static/app.css" />
    ${scripts.map((name) => html`<script src="/static/${name}" defer></script>`)}
  </head>
  <body>
    <header>
      <strong><a href="${session?.user.role === 'analyst' ? '/trends' : '/'}">Kuzet</a></strong>
      ${session
        ? html`<nav>
              ${NAVIGATION.filter((item) => item.roles.includes(session.user.role)).map(
                (item) => html`<a href="${item.href}">${t(item.label)}</a>`,
              )}
            </nav>
            <form method="post" action="/settings/language" class="languages" aria-label="${t('nav.language')}">
              <input type="hidden" name="_csrf" value="${session.csrfToken}" />
              <input type="hidden" name="back" value="${here}" />
              ${LANGUAGES.map(
                (code) =>
                  html`<button type="submit" name="language" value="${code}" lang="${code}" ${code === language ? html`aria-current="true"` : ''}>
                    ${LANGUAGE_NAMES[code]}
                  </button>`,
              )}
            </form>
            <span class="who"
              >${session.user.displayName ?? session.user.username} (${session.user.role})
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value="${session.csrfToken}" /><button type="submit">${t('nav.logout')}</button>
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

/** dd.mm.yyyy hh:mm in Moscow time, where the courts are (most consular work follows it). */
export function formatTime(at: Date | null | undefined): string {
  if (!at) return '—';
  const moscow = new Date(at.getTime() + 3 * 3_600_000);
  const iso = moscow.toISOString();
  return `${formatDate(iso)} ${iso.slice(11, 16)}`;
}
