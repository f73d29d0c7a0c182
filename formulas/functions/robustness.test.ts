// Every function, called with every kind of awkward argument, returns a value: never an exception,
// never NaN or Infinity (FORMULAS.md: run-time problems are error values; non-finite numbers are #NUM!).
import { describe, expect, test } from 'vitest';
import { createEvalContext, type Column } from '../eval/context';
import { DateValue, ErrorValue, type StaticType, type Value } from '../eval/values';
import type { Arg } from './define';
import { paramAt } from '../types/library';
import { allFunctions } from './registry';

const VALUES: Value[] = [
  null, 0, -1, 1, 0.5, 1e300, -1e300, 1e-300, 123456789.123, '', 'abc', 'ABC', '3', '2024-01-31', '1,000', '50%',
  '*?~', '>=5', '<>', '=', '北京', 'x'.repeat(32_767), true, false, new DateValue(45322), new DateValue(0),
  new DateValue(60), new ErrorValue('#N/A'), new ErrorValue('#DIV/0!'),
];

const typeOf = (v: Value): StaticType =>
  typeof v === 'number' ? 'number' : typeof v === 'string' ? 'text' : typeof v === 'boolean' ? 'boolean' : v instanceof DateValue ? 'date' : 'mixed';

const COLUMNS: Column[] = [
  { key: 'c.mixed', type: 'mixed', values: VALUES },
  { key: 'c.numbers', type: 'number', values: VALUES.map((_, i) => (i % 3 === 0 ? null : i * 1.5 - 7)) },
  { key: 'c.dates', type: 'date', values: VALUES.map((_, i) => new DateValue(45000 + i * 17)) },
  { key: 'c.text', type: 'text', values: VALUES.map((_, i) => (i % 4 === 0 ? null : `T${i % 5}`)) },
];

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness: no function throws or leaks NaN/Infinity', () => {
  test.each(allFunctions().map((f) => [f.name, f] as const))('%s', (_, def) => {
    const rnd = random(def.name.length * 7919 + (def.name.charCodeAt(0) || 0));
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const ctx = createEvalContext(45500, VALUES.length);
    const maxCount = Math.min(def.maxArgs, def.minArgs + 3);
    for (let trial = 0; trial < 300; trial++) {
      const count = def.minArgs + Math.floor(rnd() * (maxCount - def.minArgs + 1));
      const args: Arg[] = [];
      for (let i = 0; i < count; i++) {
        const kind = paramAt(def, i)?.kind ?? 'either';
        const asColumn = kind === 'column' || (kind === 'either' && rnd() < 0.4);
        if (asColumn) {
          const column = pick(COLUMNS);
          args.push({ kind: 'column', type: column.type, column });
        } else {
          const v = pick(VALUES);
          args.push({ kind: 'value', type: typeOf(v), isReference: rnd() < 0.5, eval: () => v });
        }
      }
      const row = Math.floor(rnd() * VALUES.length);
      let result: Value = null;
      expect(() => (result = def.call(args, row, ctx)), `${def.name} trial ${trial}`).not.toThrow();
      if (typeof result === 'number') expect(Number.isFinite(result), `${def.name} gave ${result}`).toBe(true);
      if (typeof result === 'string') expect((result as string).length).toBeLessThanOrEqual(32_767);
      if (def.explain !== undefined) expect(() => def.explain?.(args, row, ctx)).not.toThrow();
    }
  });
});
