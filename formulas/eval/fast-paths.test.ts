// The fast paths of a run (FunctionDef.compile, values computed once per evaluation, fused operators) must
// give what the generic path gives. explain() always takes the generic path (each call through `call`, every
// node traced), so every row of run() is compared with explain() of that row, on columns that mix numbers,
// near-equal numbers, numeric text, text, booleans, dates, blanks and errors.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkFormula } from '../types/checker';
import type { FormulaSchema } from '../types/schema';
import { toCellValue } from './convert';
import { compileFormula } from './evaluate';
import { DateValue, ErrorValue, type Value } from './values';
import type { FormulaData } from './compile';

const schema: FormulaSchema = {
  tables: [
    {
      id: 'm',
      name: 'M',
      fields: [
        { id: 'x', name: 'x', type: 'number' },
        { id: 'y', name: 'y', type: 'number' },
        { id: 't', name: 't', type: 'text' },
        { id: 'd', name: 'd', type: 'date' },
        { id: 'k', name: 'k', type: 'mixed' },
      ],
    },
    {
      id: 'o',
      name: 'O',
      fields: [
        { id: 'key', name: 'key', type: 'mixed' },
        { id: 'amount', name: 'amount', type: 'number' },
        { id: 'day', name: 'day', type: 'date' },
      ],
    },
  ],
};

const FORMULAS = [
  'IF({x}>2,"big",{t})',
  'IF({k},{x},{d})',
  'IF({x}>=1,{y})',
  'IFS({x}>=5,"T1",{x}>=2,"T2",{x}>=0.3,"T3",TRUE,"T4")',
  'IFS({x}>=5,"T1",{k},"T2")',
  'IFS({x}>0.3,"gt",{x}<0.3,"lt",TRUE,"eq")',
  'IFS({x}>5,1,{x}>4,2,{x}>3,3,{x}>2,4,{x}>1,5,{x}>0,6)',
  'IFS({k},{y},{t}="abc",{d})',
  'SWITCH({k},1,"one","abc","text",TRUE,"yes","other")',
  'SWITCH({x},{y},"same")',
  'AND({x}>1,{k})',
  'OR([k],{x}>3)',
  'XOR({k},[x],TRUE)',
  'AND([t])',
  'NTILE([x],{x},4)',
  'NTILE([x],{k},3)',
  '6-NTILE([y],{y},5)',
  'RANK({x},[x])',
  'RANK({k},[x],1)',
  'PERCENTRANK([x],{y})',
  'PARETO([x],{x})',
  'IFS(PARETO([x],{x})<=0.8,"A",PARETO([x],{x})<=0.95,"B",TRUE,"C")',
  'SUMIFS(O[amount],O[key],{k})',
  'SUMIFS(O[amount],O[key],{x})',
  'COUNTIFS(O[key],{k})',
  'COUNTIFS(O[key],{t})',
  'AVERAGEIFS(O[amount],O[key],{k})',
  'MAXIFS(O[day],O[key],{k})',
  'MINIFS(O[amount],O[key],{y})',
  'SUMIF(O[key],{k},O[amount])',
  'COUNTIF(O[key],{t})',
  'AVERAGEIF(O[key],{x})',
  'COUNTUNIQUEIFS(O[day],O[key],{k})',
  'COUNTUNIQUEIFS(O[key],O[key],{t})',
  'COUNTUNIQUEIFS(O[amount],O[key],{x})',
  'COUNTUNIQUEIFS(O[day],O[amount],{y},O[key],{k})',
  'SUMIFS(O[amount],O[key],{k},O[day],{d})',
  'COUNTIFS(O[key],{t},O[amount],{x})',
  'COUNTIFS(O[key],{k},O[key],{t})',
  'AVERAGEIFS(O[amount],O[day],{d},O[key],{k})',
  'MAXIFS(O[day],O[key],{k},O[amount],{y})',
  'MINIFS(O[amount],O[key],{x},O[day],{k})',
  'SUMIFS(O[amount],O[key],{k},O[day],">44000")',
  '{x}/SUM([x])',
  '{x}<=AVERAGE([x])',
  'IF({x}<=AVERAGE([x]),"H","L")&IF({y}>=AVERAGE([y]),"H","L")&{t}',
  'TODAY()-{d}',
  '{d}+{x}',
  '{d}-{d}',
];

function dataOf(m: Record<string, readonly Value[]>, o: Record<string, readonly Value[]>, rows: number): FormulaData {
  return {
    rowCount: rows,
    asOf: 45000,
    column: (table, field) => (table === 'm' ? m[field] : o[field]) ?? [],
  };
}

function expectSame(source: string, data: FormulaData): void {
  const checked = checkFormula(source, schema, 'm');
  expect(checked.diagnostics).toEqual([]);
  const compiled = compileFormula(checked.formula!);
  const fast = compiled.run(data).map((v) => toCellValue(v, 'en'));
  const generic = fast.map((_, row) => compiled.explain(data, row, 'en').value);
  expect(fast, source).toEqual(generic);
  // Row-local recompute takes the same paths.
  const some = fast.length === 0 ? [] : [fast.length - 1, 0];
  expect(compiled.run(data, some).map((v) => toCellValue(v, 'en')), source).toEqual(some.map((r) => generic[r]));
}

const NA = new ErrorValue('#N/A');
const mixed: Value[] = [5, 0.3, 0.1 + 0.2, null, '5', 'abc', 'ABC', true, false, new DateValue(45000), NA, 2, 2, 1e-300, -1];

describe('fast paths agree with the generic path', () => {
  const n = mixed.length;
  const rotate = (by: number): Value[] => mixed.map((_, i) => mixed[(i + by) % n] ?? null);
  const m = { x: rotate(0), y: rotate(3), t: rotate(5), d: rotate(9), k: rotate(7) };
  const o = {
    key: [...mixed, 5, 'abc', 2, null, true],
    amount: [...rotate(1), 10, NA, 7.5, 3, null],
    day: [...rotate(9), new DateValue(45100), new DateValue(44000), 'x', null, new DateValue(45000)],
  };

  it.each(FORMULAS)('%s', (source) => {
    expectSame(source, dataOf(m, o, n));
  });

  it('agrees on keys shared by several rows (composite keys, errors and case inside a group)', () => {
    const [d1, d2] = [new DateValue(45000), new DateValue(45001)];
    const keys = {
      key: ['a', 'A', 'a', 'b', 'a', null, '5', 5, 'A'],
      amount: [1, NA, 3, 4, 5, 6, 7, 8, 1],
      day: [d1, d1, d2, d1, 'x', d1, d1, d1, d2],
    };
    const rows = { x: [1, NA, 3, 7, 5], y: [4, 1, 3, 8, null], t: ['A', 'b', 'a', '5', 'a'], d: [d1, d1, d2, d1, d1], k: ['a', 'b', 'A', 5, null] };
    for (const source of FORMULAS) expectSame(source, dataOf(rows, keys, 5));
  });

  it('agrees on groups with many distinct values (COUNTUNIQUEIFS past its inline slots)', () => {
    const many = Array.from({ length: 60 }, (_, i): Value => [i % 23, `v${i % 19}`, `V${i % 19}`, new DateValue(i % 7), null, NA][i % 6] ?? null);
    const keys = { key: many.map((_, i) => (i % 5 === 0 ? 'b' : 'A')), amount: many, day: [...many].reverse() };
    const rows = { x: many.slice(0, 6), y: many.slice(6, 12), t: ['a', 'b', 'c', 'B', null, 'A'], d: many.slice(12, 18), k: ['A', 'a', 'b', 5, null, 'B'] };
    for (const source of FORMULAS) expectSame(source, dataOf(rows, keys, 6));
  });

  it('handles columns of different lengths (*IFS #VALUE!) and empty tables', () => {
    expectSame('SUMIFS(O[amount],O[key],{k})', dataOf(m, { ...o, amount: [1, 2] }, n));
    expectSame('COUNTUNIQUEIFS(O[amount],O[key],{k})', dataOf(m, { ...o, amount: [1, 2] }, n));
    expectSame('COUNTIFS(O[key],{k},O[amount],{x})', dataOf(m, { ...o, amount: [1, 2] }, n));
    for (const source of FORMULAS) expectSame(source, dataOf({}, {}, 0));
  });

  const cell: fc.Arbitrary<Value> = fc.oneof(
    fc.integer({ min: -3, max: 6 }),
    fc.constantFrom<Value>(0.1 + 0.2, 0.3, 2.0000000000000004, null, '', '2', 'a', 'A', '>1', 'a*', true, false, NA, new DateValue(3)),
  );
  const columnOf = (length: number): fc.Arbitrary<Value[]> => fc.array(cell, { minLength: length, maxLength: length });

  test.prop([fc.integer({ min: 1, max: 7 }).chain((rows) => fc.tuple(fc.constant(rows), fc.array(columnOf(rows), { minLength: 5, maxLength: 5 }), fc.array(columnOf(9), { minLength: 3, maxLength: 3 })))], {
    numRuns: 40,
  })('on random columns', ([rows, [x, y, t, d, k], [key, amount, day]]) => {
    const data = dataOf({ x: x!, y: y!, t: t!, d: d!, k: k! }, { key: key!, amount: amount!, day: day! }, rows);
    for (const source of FORMULAS) expectSame(source, data);
  });
});
