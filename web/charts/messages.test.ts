import { describe, expect, it } from 'vitest';
import { chartMessages, createChartText, interpolate } from './messages';

describe('chart messages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const zh = chartMessages['zh-CN'].charts;
    const en = chartMessages.en.charts;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(names(zh[k]), k).toEqual(names(en[k]));
  });

  it('uses no vue-i18n special characters, so the objects merge as they are', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const v of Object.values(chartMessages[lang].charts)) expect(v).not.toMatch(/[@|$]/);
    }
  });

  it('interpolates', () => {
    expect(interpolate('{a} of {b} {c}', { a: 1, b: 'x' })).toBe('1 of x {c}');
    expect(createChartText('zh-CN')('asOf', { date: '2026-11-01' })).toBe('数据截至 2026-11-01');
  });
});
