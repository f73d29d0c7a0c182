// Each template applied to its own sample data through the formula engine (formulas/index.ts evaluateFormula):
// the group counts equal an independent computation written here from the raw rows, in plain TypeScript.

import { describe, expect, it } from 'vitest';
import { PROVINCES } from './geography/regions';
import { getTemplate, previewTemplate, templateSample, type Language, type Template } from './index';
import { dayFromIso } from './sample-data/dates';

type Row = Record<string, string | number | boolean | null>;
type Counts = Record<string, number>;

function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** Group counts (by group key, blanks under "(blank)") of an output, evaluated by the engine. */
function engineCounts(
  id: string,
  language: Language,
  options: { customers?: number; seed?: number; parameters?: Record<string, unknown>; drop?: string[] } = {},
): { counts: Record<string, Counts>; rows: Row[]; asOf: string; mapping: Record<string, string> } {
  const t = template(id);
  // TEMPLATES_SEED=n runs the same checks on other sample data.
  const sample = templateSample(t, { language, customers: options.customers ?? 400, seed: options.seed ?? Number(process.env.TEMPLATES_SEED ?? 7) });
  const mapping = { ...sample.mapping };
  for (const key of options.drop ?? []) delete mapping[key];
  const result = previewTemplate(t, sample.table, {
    language,
    mapping,
    asOf: sample.asOf,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const counts: Record<string, Counts> = {};
  for (const o of result.outputs) {
    if (!o.output.groups) continue;
    expect(o.other, `${id}.${o.output.key}: values that are no group`).toBe(0);
    const c: Counts = {};
    for (const g of o.groups ?? []) if (g.count > 0) c[g.key] = g.count;
    if (o.blank > 0) c['(blank)'] = o.blank;
    counts[o.output.key] = c;
  }
  // Raw rows keyed by the template's input keys.
  const rows = sample.table.rows.map((r) => Object.fromEntries(Object.entries(mapping).map(([k, name]) => [k, r[name] ?? null])));
  return { counts, rows, asOf: sample.asOf, mapping };
}

function tally(keys: (string | null)[]): Counts {
  const c: Counts = {};
  for (const k of keys) {
    const key = k ?? '(blank)';
    c[key] = (c[key] ?? 0) + 1;
  }
  return c;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const day = (v: unknown): number | null => (typeof v === 'string' ? dayFromIso(v) : null);

function shareTiers(values: (number | null)[], top: number, next: number): (string | null)[] {
  const present = values.filter((v): v is number => v !== null);
  const count = present.length;
  return values.map((v) => {
    if (v === null) return null;
    const rank = 1 + present.filter((x) => x > v).length;
    return rank <= top * count ? 'high' : rank <= (top + next) * count ? 'mid' : 'low';
  });
}

function ntile(values: number[], v: number, n: number): number {
  const below = values.filter((x) => x < v).length;
  return Math.min(n, 1 + Math.floor((n * below) / values.length));
}

describe.each<Language>(['zh-CN', 'en'])('templates on their own sample data (%s)', (language) => {
  it('value-tiers by share and by thresholds', () => {
    const share = engineCounts('value-tiers', language);
    expect(share.counts.tier).toEqual(tally(shareTiers(share.rows.map((r) => num(r.amount)), 0.2, 0.3)));
    const custom = engineCounts('value-tiers', language, { parameters: { top: 0.1, next: 0.4 } });
    expect(custom.counts.tier).toEqual(tally(shareTiers(custom.rows.map((r) => num(r.amount)), 0.1, 0.4)));
    const th = engineCounts('value-tiers', language, { parameters: { method: 'thresholds', high: 50000, mid: 10000 } });
    expect(th.counts.tier).toEqual(
      tally(th.rows.map((r) => { const a = num(r.amount); return a === null ? null : a >= 50000 ? 'high' : a >= 10000 ? 'mid' : 'low'; })),
    );
  });

  it('abc by cumulative share (PARETO 0.8 / 0.95)', () => {
    const { counts, rows } = engineCounts('abc', language);
    const amounts = rows.map((r) => num(r.amount));
    const present = amounts.filter((v): v is number => v !== null);
    const total = present.reduce((s, x) => s + x, 0);
    const expected = amounts.map((v) => {
      if (v === null) return null;
      const share = present.filter((x) => x >= v).reduce((s, x) => s + x, 0) / total;
      return share <= 0.8 ? 'A' : share <= 0.95 ? 'B' : 'C';
    });
    expect(counts.abc).toEqual(tally(expected));
    expect(counts.abc?.A).toBeLessThan(counts.abc?.C ?? 0); // the few bring most
  });

  it('rfm segments, H/L against the column averages', () => {
    const { counts, rows, asOf } = engineCounts('rfm', language);
    const today = dayFromIso(asOf);
    const recency = rows.map((r) => { const d = day(r.last_purchase); return d === null ? null : today - d; });
    const withDate = recency.filter((v): v is number => v !== null);
    const avgRecency = withDate.reduce((s, x) => s + x, 0) / withDate.length;
    const freq = rows.map((r) => num(r.frequency) ?? 0);
    const avgFreq = freq.reduce((s, x) => s + x, 0) / freq.length;
    const money = rows.map((r) => num(r.monetary));
    const moneyPresent = money.filter((v): v is number => v !== null);
    const avgMoney = moneyPresent.reduce((s, x) => s + x, 0) / moneyPresent.length;
    const expected = rows.map((_, i) => {
      const rec = recency[i];
      if (rec === null || rec === undefined) return null;
      const m = money[i] ?? 0;
      return (rec <= avgRecency ? 'H' : 'L') + ((freq[i] ?? 0) >= avgFreq ? 'H' : 'L') + (m >= avgMoney ? 'H' : 'L');
    });
    expect(counts.segment).toEqual(tally(expected));
    expect(Object.keys(counts.segment ?? {}).filter((k) => k !== '(blank)')).toHaveLength(8);
  });

  it('rfm scores 1–5 by NTILE, recent is high', () => {
    const t = template('rfm');
    const sample = templateSample(t, { language, customers: 400, seed: 7 });
    const result = previewTemplate(t, sample.table, { language, mapping: sample.mapping, asOf: sample.asOf });
    if (!result.ok) throw new Error('render failed');
    const rows = sample.table.rows;
    const last = rows.map((r) => day(r[sample.mapping.last_purchase ?? '']));
    const lastPresent = last.filter((v): v is number => v !== null);
    const r = result.outputs.find((o) => o.output.key === 'r_score')?.values ?? [];
    expect(r).toEqual(last.map((d) => (d === null ? null : ntile(lastPresent, d, 5))));
    const freq = rows.map((row) => num(row[sample.mapping.frequency ?? '']) ?? 0);
    const f = result.outputs.find((o) => o.output.key === 'f_score')?.values ?? [];
    expect(f).toEqual(freq.map((v) => ntile(freq, v, 5)));
    // The most recent buyer scores 5 on R.
    const newest = Math.max(...lastPresent);
    expect(r[last.indexOf(newest)]).toBe(5);
  });

  it('lifecycle stages from first/last purchase, frequency and TODAY()', () => {
    const params = { new_days: 60, active_days: 120, lost_days: 300 };
    const { counts, rows, asOf } = engineCounts('lifecycle', language, { parameters: params });
    const today = dayFromIso(asOf);
    const expected = rows.map((r) => {
      const first = day(r.first_purchase);
      const last = day(r.last_purchase);
      const f = num(r.frequency) ?? 0;
      if (last === null || f <= 0) return 'prospect';
      if (first !== null && today - first <= params.new_days) return 'new';
      if (today - last <= params.active_days) return 'active';
      if (today - last <= params.lost_days) return 'silent';
      return 'lost';
    });
    expect(counts.stage).toEqual(tally(expected));
    expect(Object.keys(counts.stage ?? {})).toHaveLength(5);
  });

  it('purchase-behaviour: frequency, order value and channel', () => {
    const { counts, rows } = engineCounts('purchase-behaviour', language);
    expect(counts.frequency_tier).toEqual(
      tally(rows.map((r) => { const f = num(r.frequency); return f === null ? null : f >= 12 ? 'high' : f >= 4 ? 'mid' : 'low'; })),
    );
    expect(counts.order_value_tier).toEqual(
      tally(rows.map((r) => {
        const a = num(r.amount);
        const f = num(r.frequency) ?? 0;
        if (a === null) return null;
        if (!(f > 0)) return 'low';
        return a / f >= 5000 ? 'high' : a / f >= 1000 ? 'mid' : 'low';
      })),
    );
    const channel: Record<string, string> = { 线上: 'online', 线下: 'offline', 混合: 'mixed', Online: 'online', Offline: 'offline', Mixed: 'mixed' };
    expect(counts.channel_type).toEqual(tally(rows.map((r) => (typeof r.channel === 'string' ? (channel[r.channel] ?? 'other') : 'other'))));
    // Without a channel field the channel output is not made.
    expect(engineCounts('purchase-behaviour', language, { drop: ['channel'] }).counts.channel_type).toBeUndefined();
  });

  it('customer-type: B2B/B2C, scale and sector', () => {
    const { counts, rows } = engineCounts('customer-type', language);
    const individual = (k: unknown) => k === '个人' || k === 'Individual';
    expect(counts.business_model).toEqual(tally(rows.map((r) => (r.kind === null ? null : individual(r.kind) ? 'b2c' : 'b2b'))));
    expect(counts.scale).toEqual(
      tally(rows.map((r) => (r.kind === null ? null : individual(r.kind) ? 'individual' : (num(r.employees) ?? 0) >= 300 ? 'large' : 'sme'))),
    );
    const sector: Record<string, string> = {
      机械制造: 'manufacturing', 'Machinery manufacturing': 'manufacturing', 电子制造: 'manufacturing', 'Electronics manufacturing': 'manufacturing',
      批发零售: 'retail', 'Wholesale & retail': 'retail', 软件和信息技术服务: 'tech', 'Software & IT services': 'tech',
      金融保险: 'finance', 'Finance & insurance': 'finance', 建筑装饰: 'construction', Construction: 'construction',
      医药健康: 'healthcare', Pharmaceuticals: 'healthcare', 教育培训: 'education', 'Education & training': 'education',
      餐饮酒店: 'hospitality', 'Restaurants & hotels': 'hospitality', 物流运输: 'logistics', Logistics: 'logistics',
      文化传媒: 'other', 'Media & culture': 'other',
    };
    expect(counts.sector).toEqual(tally(rows.map((r) => (typeof r.industry === 'string' ? (sector[r.industry] ?? 'unmapped') : null))));
  });

  it('geography: province, city fallback, country', () => {
    const { counts, rows } = engineCounts('geography', language);
    const byName = new Map<string, string>();
    for (const p of PROVINCES) {
      for (const name of [p.full, p.short, ...p.en, ...p.en.map((e) => `${e} Province`)]) byName.set(name, p.region);
      for (const c of p.cities) for (const name of [c.zh, `${c.zh}市`, c.en]) byName.set(name, p.region);
    }
    const china = new Set(['中国', 'China']);
    const expected = rows.map((r) => {
      const province = typeof r.province === 'string' ? r.province : '';
      const city = typeof r.city === 'string' ? r.city : '';
      const country = typeof r.country === 'string' ? r.country : '';
      const place = province !== '' ? province : city;
      if (byName.get(place) === 'hmt') return 'hmt';
      if (country !== '' && !china.has(country)) return 'overseas';
      return byName.get(place) ?? 'unknown';
    });
    expect(counts.region).toEqual(tally(expected));
    // Without city and country: a blank province is unknown, foreign customers too.
    const bare = engineCounts('geography', language, { drop: ['city', 'country'] });
    expect(bare.counts.region).toEqual(
      tally(bare.rows.map((r) => (typeof r.province === 'string' ? (byName.get(r.province) ?? 'unknown') : 'unknown'))),
    );
  });

  it('relationship: stage, engagement and loyalty', () => {
    const { counts, rows, asOf } = engineCounts('relationship', language);
    const today = dayFromIso(asOf);
    const money = rows.map((r) => num(r.monetary));
    const present = money.filter((v): v is number => v !== null);
    expect(counts.stage).toEqual(
      tally(rows.map((r) => {
        const f = num(r.frequency) ?? 0;
        if (!(f > 1)) return 'develop';
        const m = num(r.monetary);
        if (m !== null && 1 + present.filter((x) => x > m).length <= 0.2 * present.length) return 'maintain';
        return 'grow';
      })),
    );
    expect(counts.activity).toEqual(
      tally(rows.map((r) => { const l = day(r.last_purchase); return l === null ? null : today - l <= 90 ? 'active' : 'silent'; })),
    );
    expect(counts.loyalty).toEqual(
      tally(rows.map((r) => {
        if (r.first_purchase === null) return null;
        const f = num(r.frequency) ?? 0;
        return f >= 5 ? 'loyal' : f >= 2 ? 'repeat' : 'new';
      })),
    );
  });

  it('clv: average order value × purchases per year × years × margin, tiered', () => {
    const params = { margin: 0.25, expected_years: 4, min_tenure_days: 180 };
    const { counts, rows, asOf } = engineCounts('clv', language, { parameters: params });
    const today = dayFromIso(asOf);
    const clv = rows.map((r) => {
      const m = num(r.monetary);
      const f = num(r.frequency) ?? 0;
      const first = day(r.first_purchase) ?? 0;
      if (m === null) return null;
      if (!(f > 0)) return 0;
      const years = Math.max(today - first, params.min_tenure_days) / 365;
      return (m / f) * (f / years) * params.expected_years * params.margin;
    });
    expect(counts.clv_tier).toEqual(tally(shareTiers(clv, 0.2, 0.3)));
  });
});

it('a mapped field of the wrong type is refused by the engine, not silently grouped', () => {
  const t = template('value-tiers');
  const sample = templateSample(t, { language: 'zh-CN', customers: 20 });
  const result = previewTemplate(t, sample.table, { language: 'zh-CN', mapping: { amount: '客户名称' }, asOf: sample.asOf });
  if (!result.ok) throw new Error('render failed');
  const tiers = result.outputs[0];
  expect(tiers?.groups?.every((g) => g.count === 0)).toBe(true);
  expect(tiers?.other).toBeGreaterThan(0);
});
