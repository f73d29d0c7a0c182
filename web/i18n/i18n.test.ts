import { describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

describe('messages', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(leaves(zhCN as Tree).map(([k]) => k).sort()).toEqual(leaves(en as Tree).map(([k]) => k).sort());
  });

  it('all compile and render in both languages (no stray braces or plural mistakes)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en, 'zh-CN': zhCN } });
    const named = new Proxy({}, { get: (_t, k) => `<${String(k)}>`, has: () => true });
    for (const locale of ['en', 'zh-CN'] as const) {
      i18n.global.locale.value = locale;
      for (const [key] of leaves(en as Tree)) {
        const out = i18n.global.t(key, named as Record<string, unknown>, 2);
        expect(out, `${locale} ${key}`).not.toBe(key);
        if (!key.startsWith('formula.')) expect(out, `${locale} ${key}`).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
  });

  it('keep literal braces of formula examples', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { en, 'zh-CN': zhCN } });
    expect(i18n.global.t('formula.placeholder')).toContain('{销售额}');
  });
});
