import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { cameOverTls } from '../auth/cookies.ts';
import type { Language } from './dictionary.ts';

/** Remembers the language on this browser too, so that the login page speaks it after logout. */
export const LANGUAGE_COOKIE = 'kuzet_lang';

export function setLanguageCookie(c: Context, language: Language, secure: boolean): void {
  setCookie(c, LANGUAGE_COOKIE, language, { httpOnly: true, sameSite: 'Lax', secure: secure || cameOverTls(c), path: '/', maxAge: 365 * 24 * 3600 });
}
