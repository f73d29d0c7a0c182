import { createI18n } from 'vue-i18n';
import { setApiLanguage } from '../api/client';
import type { Language } from '../api/types';
import { en, type Messages } from './en';
import { pickLanguage, STORAGE_KEY } from './locale';
import { zhCN } from './zh-CN';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function createAppI18n() {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  const locale = pickLanguage(readStored(), browser);
  const i18n = createI18n<[Messages], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { 'zh-CN': zhCN, en },
  });
  setApiLanguage(() => i18n.global.locale.value);
  document.documentElement.lang = locale;
  return i18n;
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  document.documentElement.lang = lang;
}
