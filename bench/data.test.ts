// The benchmark ratios mean something only if the generator is deterministic and the hand-written
// baselines compute the right answers: checked here on tiny tables worked out by hand.
import { describe, expect, it } from 'vitest';
import { abc, aggregates, lowerBound, ntile, rfm, valueTier } from './baselines';
import { customersToTable, generateCustomers, generateOrders, isoFromSerial, serialFromIso, type Customers, type Orders } from './data';

function customers(amount: number[], frequency: number[], recency: number[]): Customers {
  const n = amount.length;
  const base = generateCustomers(n);
  return { ...base, amount: Float64Array.from(amount), frequency: Float64Array.from(frequency), recency: Float64Array.from(recency) };
}

describe('generator', () => {
  it('gives the same data for the same seed, other data for another seed', () => {
    const a = generateCustomers(500, 42);
    const b = generateCustomers(500, 42);
    expect(customersToTable(a)).toEqual(customersToTable(b));
    expect(Array.from(generateCustomers(500, 43).amount)).not.toEqual(Array.from(a.amount));
    const o1 = generateOrders(2000, 200);
    const o2 = generateOrders(2000, 200);
    expect(Array.from(o1.amount)).toEqual(Array.from(o2.amount));
    expect(Array.from(o1.customerId)).toEqual(Array.from(o2.customerId));
  });

  it('makes long-tailed amounts, valid dates and orders for every customer', () => {
    const c = generateCustomers(10_000);
    const sorted = Array.from(c.amount).sort((x, y) => x - y);
    const top = sorted.slice(-2000).reduce((s, v) => s + v, 0);
    const total = sorted.reduce((s, v) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.5); // the top 20 % hold most of the spend
    const table = customersToTable(c);
    expect(table.rows[0]?.last_purchase).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (let i = 0; i < c.n; i++) expect(c.lastPurchase[i] ?? 0).toBeGreaterThanOrEqual(c.firstPurchase[i] ?? 0);
    const o = generateOrders(5000, 500);
    expect(new Set(o.customerId).size).toBe(500);
  });

  it('converts days both ways like Excel serials', () => {
    expect(serialFromIso('1900-03-01')).toBe(61);
    expect(serialFromIso('2025-01-01')).toBe(45658);
    expect(isoFromSerial(45658)).toBe('2025-01-01');
    expect(isoFromSerial(serialFromIso('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('hand-written baselines', () => {
  it('value tier: IFS thresholds, first TRUE wins', () => {
    expect(valueTier(Float64Array.from([5000, 4999.99, 2000, 500, 499, 0]))).toEqual(['T1', 'T2', 'T2', 'T3', 'T4', 'T4']);
  });

  it('lowerBound counts values strictly below', () => {
    const sorted = Float64Array.from([1, 2, 2, 3]);
    expect([0, 1, 2, 2.5, 3, 4].map((v) => lowerBound(sorted, v))).toEqual([0, 0, 1, 3, 3, 4]);
  });

  it('ABC: PARETO share of values at least as large', () => {
    // total 100: 50 → 50/100 = 0.5 A; 30 → 80/100 = 0.8 A; 15 → 0.95 B; 5 → 1 C
    expect(abc(Float64Array.from([30, 5, 50, 15]))).toEqual(['A', 'C', 'A', 'B']);
    // ties share a class: both 40s hold 80 % together
    expect(abc(Float64Array.from([40, 40, 15, 5]))).toEqual(['A', 'A', 'B', 'C']);
  });

  it('NTILE: MIN(n, 1 + INT(n·count(<v)/count)), ties in one bucket', () => {
    expect(Array.from(ntile(Float64Array.from([10, 20, 30, 40, 50]), 5))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(ntile(Float64Array.from([7, 7, 7, 9]), 4))).toEqual([1, 1, 1, 4]);
    expect(Array.from(ntile(Float64Array.from([1, 2]), 5))).toEqual([1, 3]);
  });

  it('RFM: R = 6 − NTILE(recency), F and M by NTILE, segment letters against the averages', () => {
    const c = customers([100, 400, 250, 50], [1, 5, 3, 2], [10, 200, 40, 300]);
    const r = rfm(c);
    expect(r.r).toEqual([5, 3, 4, 2]); // counts below 0, 2, 1, 3 → NTILE 1, 3, 2, 4
    expect(r.f).toEqual([1, 4, 3, 2]);
    expect(r.m).toEqual([2, 4, 3, 1]);
    // averages: recency 137.5, frequency 2.75, amount 200
    expect(r.segment).toEqual(['HLL', 'LHH', 'HHH', 'LLL']);
  });

  it('SUMIFS/COUNTIFS/MAXIFS by customer, with a hash', () => {
    const o: Orders = {
      n: 5,
      orderId: Float64Array.from([1, 2, 3, 4, 5]),
      customerId: Float64Array.from([2, 1, 2, 2, 9]),
      date: Float64Array.from([45000, 45010, 45020, 45005, 45100]),
      amount: Float64Array.from([10, 20, 30, 40.5, 1]),
    };
    const r = aggregates(Float64Array.from([1, 2, 3]), o);
    expect(r.sum).toEqual([20, 80.5, 0]);
    expect(r.count).toEqual([1, 3, 0]);
    expect(r.max).toEqual([45010, 45020, 0]);
  });
});
