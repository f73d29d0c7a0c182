import type { Language } from '../api/types';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const STORAGE_KEY = 'segsheet.language';

export function isLanguage(v: unknown): v is Language {
  return v === 'zh-CN' || v === 'en';
}

/** The stored choice, else the first browser language we support (any zh-* → zh-CN), else en. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const l of browser) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
