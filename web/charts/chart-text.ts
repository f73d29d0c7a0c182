// Chart code translates through a ChartText so it runs without a component: the page passes vue-i18n's t over
// `charts.*`; tests and callers without one use createChartText, the same strings from the i18n trees.
import { createI18n } from 'vue-i18n';
import type { Language } from '../../common';
import { en, type Messages } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';

export type ChartMessageKey = keyof Messages['charts'];
export type ChartParams = Record<string, string | number>;
/** Translates one chart message; vue-i18n users pass `(k, p) => t(`charts.${k}`, p ?? {})`. */
export type ChartText = (key: ChartMessageKey, params?: ChartParams) => string;

const translators = new Map<Language, ChartText>();

/** A translator of `charts.*` in one language (tests, or outside a component). */
export function createChartText(locale: Language): ChartText {
  const known = translators.get(locale);
  if (known) return known;
  const i18n = createI18n<[Messages], Language, false>({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  const text: ChartText = (key, params) => i18n.global.t(`charts.${key}`, params ?? {});
  translators.set(locale, text);
  return text;
}
