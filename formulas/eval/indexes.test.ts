// The O(n log n) property, checked on results rather than timings: on 100k rows the indexed answers of
// every column function equal a naive scan for a sample of rows. (Timings live in `npm run bench`.)
import { describe, expect, test } from 'vitest';
import { lookupFunction } from '../functions/registry';
import type { Arg } from '../functions/define';
import { matches, parseCriterion, type Criterion } from './criteria';
import { createEvalContext, type Column } from './context';
import { DateValue, ErrorValue, type StaticType, type Value } from './values';

const N = 100_000;

/** A deterministic pseudo-random sequence (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(42);
const customer: Value[] = [];
const amount: Value[] = [];
const day: Value[] = [];
for (let i = 0; i < N; i++) {
  customer.push(rnd() < 0.01 ? null : `C${Math.floor(rnd() * 5000)}`);
  amount.push(rnd() < 0.02 ? null : rnd() < 0.01 ? 'n/a' : Math.round(rnd() * 100000) / 100);
  day.push(new DateValue(45000 + Math.floor(rnd() * 400)));
}
const col = (key: string, type: StaticType, values: Value[]): Column => ({ key, type, values });
const Customer = col('o.customer', 'text', customer);
const Amount = col('o.amount', 'number', amount);
const Day = col('o.day', 'date', day);

const asColumn = (c: Column): Arg => ({ kind: 'column', type: c.type, column: c });
const asValue = (values: Value[], type: StaticType): Arg => ({ kind: 'value', type, isReference: true, eval: (row) => values[row] ?? null });

function run(name: string, args: Arg[], rows: number[]): Value[] {
  const fn = lookupFunction(name);
  if (fn === undefined) throw new Error(name);
  const ctx = createEvalContext(45500, N);
  return rows.map((row) => fn.call(args, row, ctx));
}

const sample = Array.from({ length: 40 }, (_, i) => Math.floor((i * N) / 40) + 7);

function numbersWhere(pred: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let r = 0; r < N; r++) {
    const v = amount[r];
    if (pred(r) && typeof v === 'number') out.push(v);
  }
  return out;
}

function criterion(v: Value): Criterion {
  const c = parseCriterion(v);
  if (c instanceof ErrorValue) throw new Error('error criterion');
  return c;
}

describe('indexed column functions equal a naive scan on 100k rows', () => {
  test('SUMIFS / COUNTIFS / MAXIFS / COUNTUNIQUEIFS with an equality criterion', () => {
    const sums = run('SUMIFS', [asColumn(Amount), asColumn(Customer), asValue(customer, 'text')], sample);
    const counts = run('COUNTIFS', [asColumn(Customer), asValue(customer, 'text')], sample);
    const maxes = run('MAXIFS', [asColumn(Amount), asColumn(Customer), asValue(customer, 'text')], sample);
    const uniques = run('COUNTUNIQUEIFS', [asColumn(Day), asColumn(Customer), asValue(customer, 'text')], sample);
    sample.forEach((row, i) => {
      const id = customer[row];
      const same = (r: number): boolean => id !== null && customer[r] === id;
      const nums = numbersWhere(same);
      expect(sums[i]).toBeCloseTo(nums.reduce((a, b) => a + b, 0), 6);
      let c = 0;
      const days = new Set<number>();
      for (let r = 0; r < N; r++) {
        if (!same(r)) continue;
        c++;
        days.add((day[r] as DateValue).serial);
      }
      expect(counts[i]).toBe(c);
      expect(maxes[i]).toBe(nums.length === 0 ? 0 : Math.max(...nums));
      expect(uniques[i]).toBe(days.size);
    });
  });

  test('range criteria: prefix, suffix and between', () => {
    const lower = day.map((d) => `>=${(d as DateValue).serial}`);
    const upper = day.map((d) => `<${(d as DateValue).serial + 30}`);
    const sums = run('SUMIFS', [asColumn(Amount), asColumn(Day), asValue(lower, 'text'), asColumn(Day), asValue(upper, 'text')], sample);
    const mins = run('MINIFS', [asColumn(Amount), asColumn(Day), asValue(lower, 'text')], sample);
    const mixed = run('COUNTIFS', [asColumn(Customer), asValue(customer, 'text'), asColumn(Day), asValue(lower, 'text')], sample);
    sample.forEach((row, i) => {
      const lo = criterion(lower[row] ?? null);
      const hi = criterion(upper[row] ?? null);
      const inRange = (r: number): boolean => matches(lo, day[r] ?? null) && matches(hi, day[r] ?? null);
      expect(sums[i]).toBeCloseTo(numbersWhere(inRange).reduce((a, b) => a + b, 0), 6);
      const suffix = numbersWhere((r) => matches(lo, day[r] ?? null));
      expect(mins[i]).toBe(suffix.length === 0 ? 0 : Math.min(...suffix));
      let c = 0;
      for (let r = 0; r < N; r++) if (customer[row] !== null && customer[r] === customer[row] && matches(lo, day[r] ?? null)) c++;
      expect(mixed[i]).toBe(c);
    });
  });

  test('RANK, NTILE, PARETO, PERCENTRANK, XLOOKUP', () => {
    const amountArg = asValue(amount, 'number');
    const ranks = run('RANK', [amountArg, asColumn(Amount)], sample);
    const ntiles = run('NTILE', [asColumn(Amount), amountArg, { kind: 'value', type: 'number', isReference: false, eval: () => 5 }], sample);
    const paretos = run('PARETO', [asColumn(Amount), amountArg], sample);
    const pranks = run('PERCENTRANK', [asColumn(Amount), amountArg], sample);
    const found = run('XLOOKUP', [asValue(customer, 'text'), asColumn(Customer), asColumn(Amount)], sample);
    const numbers = numbersWhere(() => true);
    const total = numbers.reduce((a, b) => a + b, 0);
    sample.forEach((row, i) => {
      const v = amount[row];
      if (typeof v !== 'number') {
        if (v === null) expect(ranks[i]).toBe(null);
        return;
      }
      const above = numbers.filter((n) => n > v).length;
      const below = numbers.filter((n) => n < v).length;
      expect(ranks[i]).toBe(above + 1);
      expect(ntiles[i]).toBe(Math.min(5, 1 + Math.floor((5 * below) / numbers.length)));
      expect(paretos[i]).toBeCloseTo(numbers.filter((n) => n >= v).reduce((a, b) => a + b, 0) / total, 9);
      expect(pranks[i]).toBe(Math.floor((below / (numbers.length - 1)) * 1000) / 1000);
      const first = customer.findIndex((c) => c !== null && c === customer[row]);
      expect(found[i]).toBe(customer[row] === null ? found[i] : amount[first] ?? null);
    });
  });
});
