import { html } from 'hono/html';
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
    </div>`,
    frame,
  );
}
