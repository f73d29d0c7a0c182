// The region table and the region formula: every province (full, short, English name) and every listed city
// lands in its region through the engine; lookup keys never point to two regions.

import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../formulas';
import { getTemplate, renderTemplate } from '../index';
import { PROVINCES, enKey, zhKey } from './regions';
import { regionKeys } from './template';

const REGION_KEYS = ['east', 'north', 'central', 'south', 'southwest', 'northwest', 'northeast', 'hmt'] as const;

describe('the region table', () => {
  it('has the 34 provincial-level divisions', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(34);
    expect(PROVINCES.filter((p) => p.region === 'hmt').map((p) => p.short)).toEqual(['香港', '澳门', '台湾']);
  });

  it('never gives one lookup key two regions', () => {
    for (const language of ['zh', 'en'] as const) {
      const owner = new Map<string, string>();
      for (const region of REGION_KEYS)
        for (const key of regionKeys(region)[language]) {
          expect(owner.get(key) ?? region, `${key} is in ${owner.get(key)} and ${region}`).toBe(region);
          owner.set(key, region);
        }
    }
    // Short names are unique in their first two characters (江苏, 内蒙古 → 内蒙, 黑龙江 → 黑龙).
    expect(new Set(PROVINCES.map((p) => zhKey(p.full))).size).toBe(34);
    expect(enKey(' Jiangsu Province ')).toBe('jiangsu');
  });
});

describe('the region formula', () => {
  const t = getTemplate('geography');
  if (!t) throw new Error('no geography');
  const labels = (language: 'zh-CN' | 'en') => {
    const r = renderTemplate(t, { language, mapping: { province: 'P', city: 'C', country: 'K' } });
    if (!r.ok) throw new Error('render');
    const out = r.outputs[0];
    if (!out) throw new Error('no output');
    return { formula: out.formula, key: new Map(out.groups?.map((g) => [g.value, g.key])) };
  };
  const run = (rows: { P: string | null; C: string | null; K: string | null }[], language: 'zh-CN' | 'en' = 'zh-CN') => {
    const { formula, key } = labels(language);
    const table = {
      fields: [{ name: 'P', type: 'text' as const }, { name: 'C', type: 'text' as const }, { name: 'K', type: 'text' as const }],
      rows,
    };
    return evaluateFormula(formula, table).map((v) => key.get(String(v)) ?? `not a group: ${JSON.stringify(v)}`);
  };

  it('knows every province by its full, short and English names, with or without "Province"', () => {
    const rows = PROVINCES.flatMap((p) =>
      [p.full, p.short, ...p.en, `${p.en[0]} Province`, ` ${p.full} `, (p.en[0] ?? '').toUpperCase()].map((P) => ({ P, C: null, K: null })),
    );
    const expected = PROVINCES.flatMap((p) => Array.from({ length: 5 + p.en.length }, () => p.region));
    expect(run(rows)).toEqual(expected);
  });

  it('falls back to the city, in Chinese (with or without 市) or English', () => {
    const rows = PROVINCES.flatMap((p) =>
      p.cities.flatMap((c) => [c.zh, `${c.zh}市`, c.en].map((C) => ({ P: '', C, K: '中国' }))),
    );
    const expected = PROVINCES.flatMap((p) => p.cities.flatMap(() => [p.region, p.region, p.region]));
    expect(run(rows, 'en')).toEqual(expected);
  });

  it('uses the country for overseas and for Hong Kong, Macau and Taiwan; unknown otherwise', () => {
    expect(
      run([
        { P: null, C: '东京', K: '日本' },
        { P: 'California', C: 'Los Angeles', K: 'United States' },
        { P: '江苏省', C: '南京', K: 'China' },
        { P: '江苏省', C: '南京', K: ' 中国 ' },
        { P: null, C: null, K: '中国香港' },
        { P: null, C: null, K: 'Hong Kong' },
        { P: '海外', C: null, K: null },
        { P: 'Overseas', C: null, K: null },
        { P: null, C: null, K: null },
        { P: '不详', C: null, K: '中国' },
        { P: '火星', C: '', K: '' },
      ]),
    ).toEqual(['overseas', 'overseas', 'east', 'east', 'hmt', 'hmt', 'overseas', 'overseas', 'unknown', 'unknown', 'unknown']);
  });
});
