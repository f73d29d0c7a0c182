import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Expr } from './ast';
import { parse } from './parser';
import { print } from './printer';
import { stripSpans } from '../testing/tree';
import { FormulaError } from '../diagnostics/formula-error';
import { parseOrThrow } from './parse-or-throw';

const noSpan = { start: 0, end: 0 };
const NAME_CHARS = fc.constantFrom('a', 'Z', '销', '售', ' ', '.', '-', "'", '"', '#', '😀', '_', '1');
const name = fc.string({ unit: NAME_CHARS, minLength: 1, maxLength: 6 });
const funcName = fc.constantFrom('SUM', 'if', 'Rank', 'PERCENTILE.INC', '客户函数', 'TRUE');
const ref = (n: string) => ({ name: n, byId: false, span: noSpan });

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map((value): Expr => ({ kind: 'number', value: Math.abs(value), span: noSpan })),
    fc.string({ unit: fc.constantFrom('a', '"', '“', '”', "'", ' ', '高', '{', ']') }).map((value): Expr => ({ kind: 'text', value, span: noSpan })),
    fc.boolean().map((value): Expr => ({ kind: 'boolean', value, span: noSpan })),
    name.map((n): Expr => ({ kind: 'field', field: ref(n), span: noSpan })),
    fc.tuple(fc.option(name, { nil: undefined }), name).map(([t, f]): Expr =>
      t === undefined ? { kind: 'column', field: ref(f), span: noSpan } : { kind: 'column', table: ref(t), field: ref(f), span: noSpan }),
    fc.tuple(fc.constantFrom('-', '+'), tie('expr')).map(([op, operand]): Expr => ({ kind: 'unary', op: op as '-' | '+', operand, span: noSpan })),
    tie('expr').map((operand): Expr => ({ kind: 'percent', operand, span: noSpan })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<', '>', '<=', '>='), tie('expr'), tie('expr')).map(
      ([op, left, right]): Expr => ({ kind: 'binary', op: op as '+', left, right, span: noSpan }),
    ),
    fc.tuple(funcName, fc.array(tie('expr'), { maxLength: 3 })).map(([n, args]): Expr => ({ kind: 'call', name: n, nameSpan: noSpan, args, span: noSpan })),
    tie('expr').map((inner): Expr => ({ kind: 'paren', inner, span: noSpan })),
  ),
})).expr;

const FORMULA_CHARS = fc.constantFrom(
  '1', '.', 'e', '+', '-', '*', '/', '^', '%', '&', '=', '<', '>', '(', ')', ',', '{', '}', '[', ']', "'", '"',
  '“', '”', '，', '（', '）', ' ', '\n', 'A', 'I', 'F', '销', '#', '\u0000', '😀', '\ud800', '$',
);

const FORMULA_TOKENS = fc.constantFrom(
  '1', '2.5', '.5e2', '{a}', '[b]', "'T x'[c]", '客户[d]', '"s"', '“t”', 'SUM(', 'if（', ')', '）', ',', '，', '+', '-',
  '*', '^', '%', '&', '<=', '<>', '=', ' ', 'TRUE', 'false()',
);

describe('parser properties', () => {
  test.prop([fc.string({ maxLength: 300 })])('any string gives a tree or diagnostics, never an exception', (source) => {
    const result = parse(source);
    expect(result.ast !== undefined || result.diagnostics.length > 0).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.start).toBeGreaterThanOrEqual(0);
      expect(d.end).toBeLessThanOrEqual(source.length);
      expect(d.start).toBeLessThanOrEqual(d.end);
    }
  });

  test.prop([fc.string({ unit: FORMULA_CHARS, maxLength: 400 })], { numRuns: 500 })(
    'formula-like strings: parseOrThrow gives a tree or a FormulaError, quickly',
    (source) => {
      const started = performance.now();
      try {
        parseOrThrow(source);
      } catch (error) {
        expect(error).toBeInstanceOf(FormulaError);
      }
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  test.prop([exprArb], { numRuns: 300 })('print(parse(x)) parses to the same tree', (ast) => {
    const first = parse(print(ast));
    expect(first.diagnostics).toEqual([]);
    const second = parse(print(first.ast!));
    expect(second.diagnostics).toEqual([]);
    expect(stripSpans(second.ast!)).toEqual(stripSpans(first.ast!));
  });

  test.prop([fc.array(FORMULA_TOKENS, { maxLength: 12 }).map((parts) => parts.join(''))], { numRuns: 3000 })(
    'any text that parses cleanly prints back to the same tree',
    (source) => {
      const first = parse(source);
      if (first.ast === undefined || first.diagnostics.length > 0) return;
      const again = parse(print(first.ast!));
      expect(again.diagnostics).toEqual([]);
      expect(stripSpans(again.ast!)).toEqual(stripSpans(first.ast!));
    },
  );
});
