// Segmentation helpers: RANK (= RANK.EQ), PERCENTRANK (= PERCENTRANK.INC), and our NTILE and PARETO,
// defined in FORMULAS.md as formulas and computed here from one sorted index per column, same results.
// Settled 8: blanks, text and booleans in the column are skipped; a blank value gives a blank result.
import type { EvalContext } from '../eval/context';
import { badArgument, DIV0, makeError } from '../eval/errors';
import { countAtMost, countBelow, sortedNumbers, type SortedNumbers } from '../eval/indexes';
import { floor15, numbersEqual, toNumber } from '../types/coercion';
import { ErrorValue, type Value } from '../eval/values';
import { always, column, columnOf, docs, numberAt, optionalNumber, rowFnOf, trunc, value, valueAt } from './args';
import { defineFunction, type Arg, type ExplainFact, type FunctionDef, type FunctionDoc, type ParamSpec } from './define';

const ABSENT = makeError('#N/A', 'RANK: the value is not in the column.', 'RANK：该值不在列中。');
const OUTSIDE = makeError('#N/A', 'PERCENTRANK: the value is outside the column’s range.', 'PERCENTRANK：该值超出了列的取值范围。');
const NO_NUMBERS = makeError('#NUM!', 'PERCENTRANK: the column holds no numbers.', 'PERCENTRANK：该列没有数字。');
const NOT_A_COLUMN = makeError('#VALUE!', 'A whole column is expected here.', '此处需要整列。');

/** The row's value as a number; blank stays blank (settled 8); booleans are not ranked. */
function subjectOf(v: Value): number | null | ErrorValue {
  if (v === null) return null;
  if (typeof v === 'boolean') return badArgument('RANK', 'TRUE and FALSE cannot be ranked.', 'TRUE 和 FALSE 无法排名。');
  return toNumber(v);
}

interface Prepared {
  readonly x: number;
  readonly sorted: SortedNumbers;
}

/** Reads the value and the column's sorted index; a blank or an error ends the computation early. */
function prepare(columnArg: Arg | undefined, valueArg: Arg | undefined, row: number, ctx: EvalContext): Prepared | null | ErrorValue {
  const col = columnOf(columnArg);
  if (col === undefined) return NOT_A_COLUMN;
  const x = subjectOf(valueAt(valueArg, row));
  if (x === null || x instanceof ErrorValue) return x;
  return { x, sorted: sortedNumbers(ctx, col) };
}

function rank(p: Prepared, args: readonly Arg[], row: number): Value {
  const order = optionalNumber(args[2], row, 0);
  if (order instanceof ErrorValue) return order;
  const values = p.sorted.values;
  const lo = countBelow(values, p.x);
  const hi = countAtMost(values, p.x);
  if (lo === hi) return ABSENT;
  // Ties share the best rank (RANK.EQ).
  return order === 0 ? values.length - hi + 1 : lo + 1;
}

/** PERCENTRANK.INC as Excel and LibreOffice compute it, interpolating for values absent from the column. */
export function percentRankOf(values: Float64Array, x: number): number | undefined {
  const n = values.length;
  if (n === 0 || x < (values[0] ?? 0) || x > (values[n - 1] ?? 0)) return undefined;
  if (n === 1) return 1;
  const less = countBelow(values, x);
  if (numbersEqual(values[less] ?? NaN, x)) return less / (n - 1);
  const a = values[less - 1] ?? 0;
  const b = values[less] ?? 0;
  return (less - 1 + (x - a) / (b - a)) / (n - 1);
}

function percentRank(p: Prepared, args: readonly Arg[], row: number): Value {
  const significance = optionalNumber(args[2], row, 3);
  if (significance instanceof ErrorValue) return significance;
  const digits = trunc(significance);
  if (digits < 1) return badArgument('PERCENTRANK', 'significance must be 1 or more.', '有效位数必须大于等于 1。', '#NUM!');
  if (p.sorted.values.length === 0) return NO_NUMBERS;
  const r = percentRankOf(p.sorted.values, p.x);
  if (r === undefined) return OUTSIDE;
  // Excel truncates (never rounds up) to `significance` digits; round15 first so 0.29 stays 0.29.
  const scale = 10 ** Math.min(digits, 15);
  return floor15(r * scale) / scale;
}

function ntile(p: Prepared, args: readonly Arg[], row: number): Value {
  const raw = numberAt(args[2], row);
  if (raw instanceof ErrorValue) return raw;
  const n = trunc(raw);
  if (n < 1) return badArgument('NTILE', 'the number of buckets must be 1 or more.', '分组数必须大于等于 1。', '#NUM!');
  const count = p.sorted.values.length;
  if (count === 0) return DIV0;
  const below = countBelow(p.sorted.values, p.x);
  // MIN(n, 1 + INT(n * COUNTIFS(column, "<"&value) / COUNT(column)))
  return Math.min(n, 1 + floor15((n * below) / count));
}

function pareto(p: Prepared): Value {
  if (p.sorted.firstError !== undefined) return p.sorted.firstError; // SUM(column) would give it
  const total = p.sorted.suffix[0] ?? 0;
  if (total === 0) return DIV0;
  // SUMIFS(column, column, ">="&value) / SUM(column)
  return (p.sorted.suffix[countBelow(p.sorted.values, p.x)] ?? 0) / total;
}

function fact(en: string, zh: string, v: Value): ExplainFact {
  return { label: { en, 'zh-CN': zh }, value: v };
}

/** The facts behind a segmentation answer: how many numbers, how many below, the share held above. */
function explainWith(columnAt: number, valueAt_: number) {
  return (args: readonly Arg[], row: number, ctx: EvalContext): readonly ExplainFact[] => {
    const p = prepare(args[columnAt], args[valueAt_], row, ctx);
    if (p === null || p instanceof ErrorValue) return [];
    const values = p.sorted.values;
    const below = countBelow(values, p.x);
    const above = values.length - countAtMost(values, p.x);
    const total = p.sorted.suffix[0] ?? 0;
    return [
      fact('Value', '值', p.x),
      fact('Numbers in the column', '列中的数字个数', values.length),
      fact('Count below', '小于该值的个数', below),
      fact('Count above', '大于该值的个数', above),
      fact('Column total', '列合计', total),
      fact('Total of values at least this large', '不小于该值的合计', p.sorted.suffix[below] ?? 0),
    ];
  };
}

interface Segmentation {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** Positions of the column and of the row's value among the arguments. */
  readonly columnAt: number;
  readonly valueAt: number;
  /** The answer from the row's number and the column's sorted index. */
  readonly answer: (p: Prepared, args: readonly Arg[], row: number) => Value;
  readonly en: FunctionDoc;
  readonly zh: FunctionDoc;
}

/** One column function answered from the column's sorted index, row by row or compiled once per evaluation. */
function segmentation(s: Segmentation): FunctionDef {
  const required = s.params.filter((p) => p.optional !== true).length;
  return defineFunction({
    name: s.name,
    category: 'segmentation',
    params: s.params,
    minArgs: required,
    maxArgs: s.params.length,
    returns: always('number'),
    columnWide: true,
    call(args, row, ctx) {
      const p = prepare(args[s.columnAt], args[s.valueAt], row, ctx);
      return p === null || p instanceof ErrorValue ? p : s.answer(p, args, row);
    },
    compile(args, ctx) {
      // As `call`, with the column, its index and the value's closure found once, not on every row.
      const col = columnOf(args[s.columnAt]);
      if (col === undefined) return () => NOT_A_COLUMN;
      const valueOf = rowFnOf(args[s.valueAt]);
      let sorted: SortedNumbers | undefined;
      return (row) => {
        const x = subjectOf(valueOf(row));
        if (x === null || x instanceof ErrorValue) return x;
        sorted ??= sortedNumbers(ctx, col);
        return s.answer({ x, sorted }, args, row);
      };
    },
    explain: explainWith(s.columnAt, s.valueAt),
    docs: docs(s.en, s.zh),
  });
}

export const segmentationFunctions: readonly FunctionDef[] = [
  segmentation({
    name: 'RANK',
    params: [value('number'), column('ref'), value('order', true)],
    columnAt: 1,
    valueAt: 0,
    answer: rank,
    en: { summary: 'The rank of a value in a column, 1 for the largest (order 1: 1 for the smallest); ties share a rank.', syntax: 'RANK(number, column, [order])', example: 'RANK({Sales}, [Sales]) → 3' },
    zh: { summary: '值在列中的排名，最大为 1（order 为 1 时最小为 1）；相同值排名相同。', syntax: 'RANK(数值, 列, [排序方式])', example: 'RANK({销售额}, [销售额]) → 3' },
  }),
  segmentation({
    name: 'PERCENTRANK',
    params: [column('array'), value('x'), value('significance', true)],
    columnAt: 0,
    valueAt: 1,
    answer: percentRank,
    en: { summary: 'The rank of a value as a share of the column, 0 to 1, truncated to 3 digits (PERCENTRANK.INC).', syntax: 'PERCENTRANK(column, x, [significance])', example: 'PERCENTRANK([Sales], {Sales}) → 0.5' },
    zh: { summary: '值在列中的百分比排位（0 到 1），默认截断为 3 位小数（PERCENTRANK.INC）。', syntax: 'PERCENTRANK(列, 值, [有效位数])', example: 'PERCENTRANK([销售额], {销售额}) → 0.5' },
  }),
  segmentation({
    name: 'NTILE',
    params: [column('column'), value('value'), value('n')],
    columnAt: 0,
    valueAt: 1,
    answer: ntile,
    en: { summary: 'Bucket 1 to n of a value in a column, highest values in bucket n, ties always together (RFM scores).', syntax: 'NTILE(column, value, n)', example: 'NTILE([Sales], {Sales}, 4) → 2' },
    zh: { summary: '值在列中所属的分组 1 到 n，最大的值在第 n 组，相同值总在同一组（用于 RFM 评分）。', syntax: 'NTILE(列, 值, 分组数)', example: 'NTILE([销售额], {销售额}, 4) → 2' },
  }),
  segmentation({
    name: 'PARETO',
    params: [column('column'), value('value')],
    columnAt: 0,
    valueAt: 1,
    answer: pareto,
    en: { summary: "The share of the column's total held by values at least this large (ABC analysis).", syntax: 'PARETO(column, value)', example: 'ROUND(PARETO([Sales], {Sales}), 4) → 0.8387' },
    zh: { summary: '不小于该值的所有值之和占列合计的比例（用于 ABC 分析）。', syntax: 'PARETO(列, 值)', example: 'ROUND(PARETO([销售额], {销售额}), 4) → 0.8387' },
  }),
];
