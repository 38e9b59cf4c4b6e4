// The interface languages and the translator. Kyrgyz falls back to Russian (which every
// Kyrgyz user of a Russian court site reads), Russian and English are complete.
import { english, type MessageKey } from './english.ts';
import { russian } from './russian.ts';
import { kyrgyz } from './kyrgyz.ts';

export const LANGUAGES = ['ru', 'en', 'ky'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const LANGUAGE_NAMES: Record<Language, string> = { ru: 'Русский', en: 'English', ky: 'Кыргызча' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function translator(language: Language): Translate {
  return (key, params) => {
    const template = (language === 'ky' ? kyrgyz[key] : undefined) ?? (language === 'en' ? english[key] : russian[key]);
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/**
 * The language of a page: the user's choice, else the language cookie (login page), else the
 * browser's first supported language, else English.
 */
export function chooseLanguage(userChoice: string | null | undefined, cookie: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(userChoice)) return userChoice;
  if (isLanguage(cookie)) return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return 'en';
}
