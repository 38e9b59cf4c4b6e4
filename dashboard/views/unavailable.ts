import { html } from 'hono/html';
import { layout, type Html } from './layout.ts';

/** Shown while the database is restarting or unreachable: nothing is lost, try again shortly. */
export function unavailablePage(): Html {
  return layout(
    'Temporarily unavailable',
    html`<div class="card">
      <h1>Temporarily unavailable</h1>
      <p>The database cannot be reached right now (a restart or a network problem). Nothing you saved is lost.</p>
      <p>Kuzet reconnects by itself: reload this page in a few seconds.</p>
    </div>`,
    null,
  );
}
