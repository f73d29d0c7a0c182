import { describe, expect, it } from 'vitest';
import { generateSampleData, sampleTableData } from './generate';
import { createRandom } from './prng';

describe('the PRNG', () => {
  it('is deterministic and spread over [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(createRandom(43).next()).not.toBe(xs[0]);
  });
});

describe('generateSampleData', () => {
  it('gives the same rows for the same seed and other rows for another seed', () => {
    expect(generateSampleData({ seed: 5, customers: 50 })).toEqual(generateSampleData({ seed: 5, customers: 50 }));
    expect(generateSampleData({ seed: 6, customers: 50 }).orders.rows).not.toEqual(generateSampleData({ seed: 5, customers: 50 }).orders.rows);
  });

  it('describes the same customers and orders in both languages', () => {
    const zh = generateSampleData({ seed: 9, customers: 80 });
    const en = generateSampleData({ seed: 9, customers: 80, language: 'en' });
    const keep = ['customer_id', 'name', 'employees', 'first_purchase', 'last_purchase', 'frequency', 'monetary'];
    const pickKeys = (rows: readonly Record<string, unknown>[]) => rows.map((r) => keep.map((k) => r[k]));
    expect(pickKeys(en.customers.rows)).toEqual(pickKeys(zh.customers.rows));
    expect(en.orders.rows.map((r) => [r.order_id, r.date, r.amount])).toEqual(zh.orders.rows.map((r) => [r.order_id, r.date, r.amount]));
    expect(en.customers.rows.some((r) => r.kind === 'Company')).toBe(true);
    expect(zh.customers.rows.some((r) => r.kind === '企业')).toBe(true);
  });

  it('makes the row counts asked for, over two years before the as-of date', () => {
    const d = generateSampleData({ customers: 120, orders: 900, asOf: '2026-06-30' });
    expect(d.customers.rows).toHaveLength(120);
    expect(d.orders.rows).toHaveLength(900);
    const dates = d.orders.rows.map((r) => String(r.date)).sort();
    expect(dates[0]! >= '2024-07-01').toBe(true);
    expect(dates[dates.length - 1]! <= '2026-06-30').toBe(true);
    expect(generateSampleData({ customers: 10, orders: 3 }).orders.rows).toHaveLength(3);
  });

  it('summarizes the orders in the customer list, with prospects who never bought', () => {
    const d = generateSampleData({ seed: 3, customers: 200 });
    for (const c of d.customers.rows) {
      const mine = d.orders.rows.filter((o) => o.customer_id === c.customer_id);
      expect(c.frequency).toBe(mine.length);
      if (mine.length === 0) {
        expect([c.first_purchase, c.last_purchase, c.monetary, c.channel]).toEqual([null, null, null, null]);
        continue;
      }
      const dates = mine.map((o) => String(o.date)).sort();
      expect(c.first_purchase).toBe(dates[0]);
      expect(c.last_purchase).toBe(dates[dates.length - 1]);
      expect(c.monetary).toBeCloseTo(mine.reduce((s, o) => s + Number(o.amount), 0), 6);
      const channels = new Set(mine.map((o) => o.channel));
      expect(c.channel).toBe(channels.size > 1 ? '混合' : [...channels][0]);
    }
    expect(d.customers.rows.filter((c) => c.frequency === 0).length).toBeGreaterThan(0);
  });

  it('has long-tailed amounts: the top 20% of buyers bring most of the revenue', () => {
    const d = generateSampleData({ customers: 500 });
    const spend = d.customers.rows.map((r) => r.monetary).filter((v): v is number => typeof v === 'number').sort((a, b) => b - a);
    const total = spend.reduce((s, x) => s + x, 0);
    const top = spend.slice(0, Math.ceil(spend.length * 0.2)).reduce((s, x) => s + x, 0);
    expect(top / total).toBeGreaterThan(0.6);
    const orders = d.orders.rows.map((r) => Number(r.amount));
    const mean = orders.reduce((s, x) => s + x, 0) / orders.length;
    const median = [...orders].sort((a, b) => a - b)[Math.floor(orders.length / 2)] ?? 0;
    expect(mean).toBeGreaterThan(median * 1.3);
  });

  it('looks like a Chinese customer list: companies and people, provinces, industries, channels', () => {
    const d = generateSampleData({ customers: 300 });
    const rows = d.customers.rows;
    expect(rows.filter((r) => String(r.name).endsWith('有限公司')).length).toBeGreaterThan(150);
    expect(rows.filter((r) => r.kind === '个人' && /^[\u4e00-\u9fff]{2,4}$/.test(String(r.name))).length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.province)).size).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.industry)).size).toBeGreaterThan(8);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['线上', '线下', '混合', null]));
    const table = sampleTableData(d.customers, 'zh-CN');
    expect(table.fields.map((f) => f.name)).toContain('累计消费金额');
    expect(Object.keys(table.rows[0] ?? {})).toEqual(table.fields.map((f) => f.name));
  });
});
