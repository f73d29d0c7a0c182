// The whole pipeline on generated input, with the real function library: checking never throws, and a
// formula that checks never throws when run (run-time problems are error values).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { allFunctions, checkFormula, compileFormula, DateValue, ErrorValue, type FormulaSchema, type Value } from './index';

const schema: FormulaSchema = {
  tables: [
    { id: 't', name: 'T', fields: [
      { id: 'n', name: 'N', type: 'number' }, { id: 's', name: 'S', type: 'text' },
      { id: 'd', name: 'D', type: 'date' }, { id: 'b', name: 'B', type: 'boolean' },
    ] },
    { id: 'o', name: 'O', fields: [{ id: 'k', name: 'K', type: 'text' }, { id: 'a', name: 'A', type: 'number' }] },
  ],
};
const columns: Record<string, Value[]> = {
  n: [1, null, -2.5, 0, 1e300], s: ['a', '', null, '3', '北京'], d: [new DateValue(45000), null, new DateValue(1), new DateValue(60), new DateValue(2958465)],
  b: [true, false, null, true, false], k: ['a', 'b', null], a: [1, 'x', null],
};
const data = { rowCount: 5, asOf: 45000, column: (_t: string, f: string) => columns[f] ?? [] };

const names = allFunctions().map((f) => f.name);
const atom = fc.oneof(
  fc.constantFrom('{N}', '{S}', '{D}', '{B}', '[N]', '[S]', '[D]', 'O[K]', 'O[A]', '0', '1', '-1', '0.5', '1e308', '""', '"a"', '"*"', '">=1"', 'TRUE', '"Y"', '"2024-01-01"'),
);
const exprArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small' },
    atom,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<', '>='), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('e').map((a) => `-${a}`),
    tie('e').map((a) => `(${a})%`),
    fc.tuple(fc.constantFrom(...names), fc.array(tie('e'), { maxLength: 4 })).map(([n, args]) => `${n}(${args.join(',')})`),
  ),
})).e;

describe('pipeline properties', () => {
  test.prop([fc.string({ maxLength: 200 })])('checkFormula never throws on any text', (source) => {
    const result = checkFormula(source, schema, 't');
    expect(result.ok).toBe(result.diagnostics.length === 0);
  });

  test.prop([exprArb], { numRuns: 2000 })('a formula that checks runs without throwing, values only', (source) => {
    const result = checkFormula(source, schema, 't');
    if (!result.ok) return;
    const compiled = compileFormula(result.formula!);
    const values = compiled.run(data);
    expect(compiled.explain(data, 1).trace.start).toBe(0);
    expect(values).toHaveLength(5);
    for (const v of values) {
      const ok = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || v instanceof DateValue || v instanceof ErrorValue;
      expect(ok, `${source} gave ${String(v)}`).toBe(true);
      if (v instanceof ErrorValue) expect(v.message?.en ?? '', source).not.toMatch(/^Internal error/);
    }
  });
});
