import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Language } from './dictionary.ts';

/** Remembers the language on this browser too, so that the login page speaks it after logout. */
export const LANGUAGE_COOKIE = 'kuzet_lang';

export function setLanguageCookie(c: Context, language: Language, secure: boolean): void {
  setCookie(c, LANGUAGE_COOKIE, language, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 365 * 24 * 3600 });
}
