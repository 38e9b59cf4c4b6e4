import { html } from 'hono/html';
import { layout, type Html } from './layout.ts';

export function loginPage(error: string | null, next: string): Html {
  return layout(
    'Log in',
    html`<div class="card narrow">
      <h1>Log in</h1>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/login">
        <input type="hidden" name="next" value="${next}" />
        <label>Username <input name="username" autocomplete="username" required autofocus /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">Log in</button>
      </form>
    </div>`,
    null,
  );
}
