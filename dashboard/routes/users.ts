import { z } from 'zod';
import { createAccount, listAccounts, setAccountDisabled, setUserLanguage } from '../../db/queries/accounts.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DISTRICTS } from '../config/districts.ts';
import { LANGUAGES } from '../i18n/dictionary.ts';
import { setLanguageCookie } from '../i18n/language-cookie.ts';
import { usersPage } from '../views/users.ts';
import { idParam } from './cases.ts';
import { ADMINS, ALL_ROLES, safeLocalPath, viewerOf, type RouteRule } from './route-rule.ts';

const newAccountForm = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{2,50}$/),
  displayName: z.string().max(100).transform((s) => s.trim() || null),
  role: z.enum(ALL_ROLES as [string, ...string[]]).transform((r) => r as (typeof ALL_ROLES)[number]),
  district: z.union([z.literal('').transform(() => null), z.enum(DISTRICTS)]),
  password: z.string().min(12).max(200),
});
const languageForm = z.object({ language: z.enum(LANGUAGES), back: z.string().max(2000).optional() });

export const userRoutes: RouteRule[] = [
  {
    method: 'GET',
    path: '/admin/users',
    roles: ADMINS,
    handler: async (c, ctx) => c.html(usersPage(await listAccounts(ctx.db), null, viewerOf(ctx))),
  },
  {
    method: 'POST',
    path: '/admin/users',
    roles: ADMINS,
    handler: async (c, ctx) => {
      const viewer = viewerOf(ctx);
      const form = newAccountForm.safeParse(ctx.form);
      if (!form.success) return c.html(usersPage(await listAccounts(ctx.db), { error: true, text: ctx.t('error.invalid') }, viewer), 400);
      const { password, ...account } = form.data;
      const created = await createAccount(ctx.db, viewer.session.user, { ...account, passwordHash: await hashPassword(password) });
      const message = created
        ? { error: false, text: ctx.t('users.created', { name: created.username }) }
        : { error: true, text: ctx.t('users.exists') };
      return c.html(usersPage(await listAccounts(ctx.db), message, viewer), created ? 200 : 409);
    },
  },
  ...(['disable', 'enable'] as const).map(
    (change): RouteRule => ({
      method: 'POST',
      path: `/admin/users/:id/${change}`,
      roles: ADMINS,
      handler: async (c, ctx) => {
        const id = idParam.safeParse(c.req.param('id'));
        // An admin cannot lock themselves out.
        if (!id.success || id.data === ctx.session!.user.id) return c.text(ctx.t('error.invalid'), 400);
        const changed = await setAccountDisabled(ctx.db, ctx.session!.user, id.data, change === 'disable');
        if (!changed) return c.text(ctx.t('error.notFound'), 404);
        return c.redirect('/admin/users', 303);
      },
    }),
  ),
  {
    method: 'POST',
    path: '/settings/language',
    roles: ALL_ROLES,
    handler: async (c, ctx) => {
      const form = languageForm.safeParse(ctx.form);
      if (!form.success) return c.text(ctx.t('error.invalid'), 400);
      await setUserLanguage(ctx.db, ctx.session!.user.id, form.data.language);
      setLanguageCookie(c, form.data.language, ctx.config.secureCookies);
      return c.redirect(safeLocalPath(form.data.back), 303);
    },
  },
];

