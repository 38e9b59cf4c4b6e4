import { html } from 'hono/html';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n/dictionary.ts';
import { layout, type Html, type PageFrame } from './layout.ts';

export function loginPage(error: string | null, next: string, frame: PageFrame): Html {
  const { t } = frame;
  return layout(
    t('login.title'),
    html`<div class="card narrow">
      <h1>${t('login.title')}</h1>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/login">
        <input type="hidden" name="next" value="${next}" />
        <label>${t('login.username')} <input name="username" autocomplete="username" required autofocus /></label>
        <label>${t('login.password')} <input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">${t('login.submit')}</button>
      </form>
      <p class="languages">
        ${LANGUAGES.map((code) =>
          code === frame.language
            ? html`<strong lang="${code}">${LANGUAGE_NAMES[code]}</strong> `
            : html`<a href="/login?lang=${code}&amp;next=${encodeURIComponent(next)}" lang="${code}">${LANGUAGE_NAMES[code]}</a> `,
        )}
      </p>
    </div>`,
    frame,
  );
}
