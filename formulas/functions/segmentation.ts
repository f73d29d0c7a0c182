// Segmentation helpers: RANK (= RANK.EQ), PERCENTRANK (= PERCENTRANK.INC), and our NTILE and PARETO,
// defined in FORMULAS.md as formulas and computed here from one sorted index per column, same results.
// Settled 8: blanks, text and booleans in the column are skipped; a blank value gives a blank result.
import type { EvalContext } from '../eval/context';
import { badArgument, DIV0, makeError } from '../eval/errors';
import { countAtMost, countBelow, sortedNumbers, type SortedNumbers } from '../eval/indexes';
import { numbersEqual, round15, toNumber } from '../types/coercion';
import { ErrorValue, type Value } from '../eval/values';
import { always, column, columnOf, docs, numberAt, optionalNumber, trunc, value, valueAt } from './args';
import { defineFunction, type Arg, type ExplainFact, type FunctionDef } from './define';

const ABSENT = makeError('#N/A', 'RANK: the value is not in the column.', 'RANK：该值不在列中。');
const OUTSIDE = makeError('#N/A', 'PERCENTRANK: the value is outside the column’s range.', 'PERCENTRANK：该值超出了列的取值范围。');
const NOT_A_COLUMN = makeError('#VALUE!', 'A whole column is expected here.', '此处需要整列。');

/** The row's value as a number; blank stays blank (settled 8); booleans are not ranked. */
function subject(arg: Arg | undefined, row: number): number | null | ErrorValue {
  const v = valueAt(arg, row);
  if (v === null) return null;
  if (typeof v === 'boolean') return badArgument('RANK', 'TRUE and FALSE cannot be ranked.', 'TRUE 和 FALSE 无法排名。');
  const n = toNumber(v);
  return n;
}

interface Prepared {
  readonly x: number;
  readonly sorted: SortedNumbers;
}

/** Reads the value and the column's sorted index; a blank or an error ends the computation early. */
function prepare(columnArg: Arg | undefined, valueArg: Arg | undefined, row: number, ctx: EvalContext): Prepared | null | ErrorValue {
  const col = columnOf(columnArg);
  if (col === undefined) return NOT_A_COLUMN;
  const x = subject(valueArg, row);
  if (x === null || x instanceof ErrorValue) return x;
  return { x, sorted: sortedNumbers(ctx, col) };
}

function rank(args: readonly Arg[], row: number, ctx: EvalContext): Value {
  const p = prepare(args[1], args[0], row, ctx);
  if (p === null || p instanceof ErrorValue) return p;
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

function percentRank(args: readonly Arg[], row: number, ctx: EvalContext): Value {
  const p = prepare(args[0], args[1], row, ctx);
  if (p === null || p instanceof ErrorValue) return p;
  const significance = optionalNumber(args[2], row, 3);
  if (significance instanceof ErrorValue) return significance;
  const digits = trunc(significance);
  if (digits < 1) return badArgument('PERCENTRANK', 'significance must be 1 or more.', '有效位数必须大于等于 1。', '#NUM!');
  const r = percentRankOf(p.sorted.values, p.x);
  if (r === undefined) return OUTSIDE;
  // Excel truncates (never rounds up) to `significance` digits; round15 first so 0.29 stays 0.29.
  const scale = 10 ** Math.min(digits, 15);
  return Math.floor(round15(r * scale)) / scale;
}

function ntile(args: readonly Arg[], row: number, ctx: EvalContext): Value {
  const p = prepare(args[0], args[1], row, ctx);
  if (p === null || p instanceof ErrorValue) return p;
  const raw = numberAt(args[2], row);
  if (raw instanceof ErrorValue) return raw;
  const n = trunc(raw);
  if (n < 1) return badArgument('NTILE', 'the number of buckets must be 1 or more.', '分组数必须大于等于 1。', '#NUM!');
  const count = p.sorted.values.length;
  if (count === 0) return DIV0;
  const below = countBelow(p.sorted.values, p.x);
  // MIN(n, 1 + INT(n * COUNTIFS(column, "<"&value) / COUNT(column)))
  return Math.min(n, 1 + Math.floor(round15((n * below) / count)));
}

function pareto(args: readonly Arg[], row: number, ctx: EvalContext): Value {
  const p = prepare(args[0], args[1], row, ctx);
  if (p === null || p instanceof ErrorValue) return p;
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

export const segmentationFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'RANK',
    category: 'segmentation',
    params: [value('number'), column('ref'), value('order', true)],
    minArgs: 2,
    maxArgs: 3,
    returns: always('number'),
    columnWide: true,
    call: rank,
    explain: explainWith(1, 0),
    docs: docs(
      { summary: 'The rank of a value in a column, 1 for the largest (order 1: 1 for the smallest); ties share a rank.', syntax: 'RANK(number, column, [order])', example: 'RANK({Sales}, [Sales]) → 3' },
      { summary: '值在列中的排名，最大为 1（order 为 1 时最小为 1）；相同值排名相同。', syntax: 'RANK(数值, 列, [排序方式])', example: 'RANK({销售额}, [销售额]) → 3' },
    ),
  }),
  defineFunction({
    name: 'PERCENTRANK',
    category: 'segmentation',
    params: [column('array'), value('x'), value('significance', true)],
    minArgs: 2,
    maxArgs: 3,
    returns: always('number'),
    columnWide: true,
    call: percentRank,
    explain: explainWith(0, 1),
    docs: docs(
      { summary: 'The rank of a value as a share of the column, 0 to 1, truncated to 3 digits (PERCENTRANK.INC).', syntax: 'PERCENTRANK(column, x, [significance])', example: 'PERCENTRANK([Sales], {Sales}) → 0.5' },
      { summary: '值在列中的百分比排位（0 到 1），默认截断为 3 位小数（PERCENTRANK.INC）。', syntax: 'PERCENTRANK(列, 值, [有效位数])', example: 'PERCENTRANK([销售额], {销售额}) → 0.5' },
    ),
  }),
  defineFunction({
    name: 'NTILE',
    category: 'segmentation',
    params: [column('column'), value('value'), value('n')],
    minArgs: 3,
    maxArgs: 3,
    returns: always('number'),
    columnWide: true,
    call: ntile,
    explain: explainWith(0, 1),
    docs: docs(
      { summary: 'Bucket 1 to n of a value in a column, highest values in bucket n, ties always together (RFM scores).', syntax: 'NTILE(column, value, n)', example: 'NTILE([Sales], {Sales}, 4) → 2' },
      { summary: '值在列中所属的分组 1 到 n，最大的值在第 n 组，相同值总在同一组（用于 RFM 评分）。', syntax: 'NTILE(列, 值, 分组数)', example: 'NTILE([销售额], {销售额}, 4) → 2' },
    ),
  }),
  defineFunction({
    name: 'PARETO',
    category: 'segmentation',
    params: [column('column'), value('value')],
    minArgs: 2,
    maxArgs: 2,
    returns: always('number'),
    columnWide: true,
    call: pareto,
    explain: explainWith(0, 1),
    docs: docs(
      { summary: "The share of the column's total held by values at least this large (ABC analysis).", syntax: 'PARETO(column, value)', example: 'ROUND(PARETO([Sales], {Sales}), 4) → 0.8387' },
      { summary: '不小于该值的所有值之和占列合计的比例（用于 ABC 分析）。', syntax: 'PARETO(列, 值)', example: 'ROUND(PARETO([销售额], {销售额}), 4) → 0.8387' },
    ),
  }),
];
