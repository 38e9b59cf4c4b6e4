import { html } from 'hono/html';
import type { AccountRow } from '../../db/queries/accounts.ts';
import { DISTRICTS } from '../config/districts.ts';
import { ALL_ROLES } from '../routes/route-rule.ts';
import { formatTime, layout, type Html, type Viewer } from './layout.ts';

export function usersPage(accounts: AccountRow[], message: { error: boolean; text: string } | null, viewer: Viewer): Html {
  const { t, session } = viewer;
  const csrf = html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />`;
  const body = html`<h1>${t('users.title')}</h1>
    ${message ? html`<p class="${message.error ? 'error' : 'notice'}" role="status">${message.text}</p>` : ''}
    <table class="users">
      <thead>
        <tr>
          <th>${t('col.username')}</th><th>${t('col.displayName')}</th><th>${t('col.role')}</th><th>${t('col.district')}</th>
          <th>${t('col.created')}</th><th>${t('col.state')}</th><th></th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) => html`<tr data-username="${a.username}">
            <td>${a.username}</td><td>${a.displayName ?? ''}</td><td>${a.role}</td><td>${a.district ?? ''}</td>
            <td>${formatTime(a.createdAt)}</td><td>${a.disabled ? t('users.disabled') : t('users.active')}</td>
            <td>
              ${a.id === session.user.id
                ? ''
                : html`<form method="post" action="/admin/users/${a.id}/${a.disabled ? 'enable' : 'disable'}" class="inline">
                    ${csrf}<button type="submit">${a.disabled ? t('users.enable') : t('users.disable')}</button>
                  </form>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    <form method="post" action="/admin/users" class="card narrow">
      <h2>${t('users.create')}</h2>
      ${csrf}
      <label>${t('col.username')} <input name="username" required pattern="[A-Za-z0-9._-]{2,50}" autocomplete="off" /></label>
      <label>${t('col.displayName')} <input name="displayName" maxlength="100" /></label>
      <label
        >${t('col.role')}
        <select name="role">
          ${ALL_ROLES.map((role) => html`<option value="${role}">${role}</option>`)}
        </select></label
      >
      <label
        >${t('col.district')}
        <select name="district">
          <option value="">—</option>
          ${DISTRICTS.map((d) => html`<option value="${d}">${t(`district.${d}`)}</option>`)}
        </select></label
      >
      <label>${t('users.password')} <input name="password" type="password" minlength="12" required autocomplete="new-password" /></label>
      <button type="submit">${t('users.create')}</button>
    </form>`;
  return layout(t('users.title'), body, viewer);
}
