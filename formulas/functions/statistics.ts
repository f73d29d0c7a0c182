// Summaries of numbers: AVERAGE, MIN, MAX, COUNT, COUNTA, MEDIAN, PERCENTILE, QUARTILE.
// Settled 1: in columns and through {F} only numbers and dates count. Settled 3: of dates they give a
// date (fraction dropped). Whole columns are summarized once per evaluation (indexes.ts).
import type { Column, EvalContext } from '../eval/context';
import { badArgument, DIV0, makeError } from '../eval/errors';
import { columnStats, sortedNumbers } from '../eval/indexes';
import { parseNumberText } from '../types/coercion';
import { DateValue, ErrorValue } from '../eval/values';
import {
  allDateArgs,
  dateWhenAllDates,
  docs,
  either,
  forEachNumber,
  numberAt,
  numberOrDate,
  always,
  value,
} from './args';
import { defineFunction, type Arg, type ExplainFact, type FunctionDef } from './define';

const NO_NUMBERS = makeError('#NUM!', 'There are no numbers to summarize.', '没有可统计的数字。');

/** min/max/sum/count over the arguments, columns from their memoized summaries. */
function summarize(args: readonly Arg[], row: number, ctx: EvalContext) {
  let sum = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  const error = forEachNumber(
    args,
    row,
    (n) => {
      sum += n;
      count++;
      if (n < min) min = n;
      if (n > max) max = n;
    },
    (column) => {
      const s = columnStats(ctx, column);
      sum += s.sum;
      count += s.count;
      min = Math.min(min, s.min);
      max = Math.max(max, s.max);
      return s.firstError;
    },
  );
  return { error, sum, count, min, max };
}

function aggregate(
  name: 'AVERAGE' | 'MIN' | 'MAX',
  pick: (s: { sum: number; count: number; min: number; max: number }) => number | ErrorValue,
  doc: { en: string; zh: string; exampleEn: string; exampleZh: string },
): FunctionDef {
  return defineFunction({
    name,
    category: 'statistics',
    params: [either('number', true)],
    minArgs: 1,
    maxArgs: 255,
    returns: dateWhenAllDates,
    columnWide: false,
    call(args, row, ctx) {
      const s = summarize(args, row, ctx);
      if (s.error !== undefined) return s.error;
      const r = pick(s);
      return r instanceof ErrorValue ? r : numberOrDate(r, allDateArgs(args));
    },
    docs: docs(
      { summary: doc.en, syntax: `${name}(number1, [number2], …)`, example: doc.exampleEn },
      { summary: doc.zh, syntax: `${name}(数值1, [数值2], …)`, example: doc.exampleZh },
    ),
  });
}

/** COUNT: numbers and dates; passed directly also booleans and numeric text (Excel). Errors are not counted. */
function countOne(arg: Arg, row: number, ctx: EvalContext): number {
  if (arg.kind === 'column') return columnStats(ctx, arg.column).count;
  const v = arg.eval(row);
  if (typeof v === 'number' || v instanceof DateValue) return 1;
  if (arg.isReference) return 0;
  if (typeof v === 'boolean' || v === null) return 1; // a computed blank is Excel's 0
  if (typeof v === 'string') return parseNumberText(v) === undefined ? 0 : 1;
  return 0;
}

function countaOne(arg: Arg, row: number, ctx: EvalContext): number {
  if (arg.kind === 'column') return columnStats(ctx, arg.column).nonBlank;
  return arg.isReference && arg.eval(row) === null ? 0 : 1;
}

function counter(name: 'COUNT' | 'COUNTA', one: typeof countOne, en: string, zh: string, example: string): FunctionDef {
  return defineFunction({
    name,
    category: 'statistics',
    params: [either('value', true)],
    minArgs: 1,
    maxArgs: 255,
    returns: always('number'),
    columnWide: false,
    call: (args, row, ctx) => args.reduce((n, arg) => n + one(arg, row, ctx), 0),
    docs: docs(
      { summary: en, syntax: `${name}(value1, [value2], …)`, example },
      { summary: zh, syntax: `${name}(值1, [值2], …)`, example: example.replace('[Sales]', '[销售额]').replace('[City]', '[城市]') },
    ),
  });
}

/** The sorted numbers of the arguments: one column alone is served from its memoized sorted index. */
function sortedOf(args: readonly Arg[], row: number, ctx: EvalContext): Float64Array | ErrorValue {
  const only = args.length === 1 ? args[0] : undefined;
  if (only?.kind === 'column') {
    const s = sortedNumbers(ctx, only.column);
    return s.firstError ?? s.values;
  }
  const numbers: number[] = [];
  const error = forEachNumber(
    args,
    row,
    (n) => numbers.push(n),
    (column: Column) => {
      const s = sortedNumbers(ctx, column);
      for (const n of s.values) numbers.push(n);
      return s.firstError;
    },
  );
  return error ?? Float64Array.from(numbers).sort();
}

/** The facts behind a percentile: how many numbers, where k falls, and the two values interpolated. */
function percentileFacts(sorted: Float64Array, k: number): readonly ExplainFact[] {
  if (sorted.length === 0) return [];
  const position = k * (sorted.length - 1);
  const lo = Math.floor(position);
  const fact = (en: string, zh: string, value: number): ExplainFact => ({ label: { en, 'zh-CN': zh }, value });
  return [
    fact('Numbers in the column', '列中的数字个数', sorted.length),
    fact('Position (1 = smallest)', '位置（1 为最小）', position + 1),
    fact('Value at or below the position', '该位置及以下的值', sorted[lo] ?? 0),
    fact('Value above the position', '该位置以上的值', sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0),
  ];
}

/** PERCENTILE.INC on sorted values: linear interpolation between the closest ranks. */
export function percentileOf(sorted: Float64Array, k: number): number {
  const position = k * (sorted.length - 1);
  const lo = Math.floor(position);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (position - lo) * (b - a);
}

const MEDIAN = defineFunction({
  name: 'MEDIAN',
  category: 'statistics',
  params: [either('number', true)],
  minArgs: 1,
  maxArgs: 255,
  returns: dateWhenAllDates,
  columnWide: false,
  call(args, row, ctx) {
    const sorted = sortedOf(args, row, ctx);
    if (sorted instanceof ErrorValue) return sorted;
    if (sorted.length === 0) return NO_NUMBERS;
    return numberOrDate(percentileOf(sorted, 0.5), allDateArgs(args));
  },
  explain(args, row, ctx) {
    const sorted = sortedOf(args, row, ctx);
    return sorted instanceof ErrorValue ? [] : percentileFacts(sorted, 0.5);
  },
  docs: docs(
    { summary: 'The middle number; of a column, its numbers only.', syntax: 'MEDIAN(number1, [number2], …)', example: 'MEDIAN([Sales]) → 2400' },
    { summary: '中位数；列中只统计数字。', syntax: 'MEDIAN(数值1, [数值2], …)', example: 'MEDIAN([销售额]) → 2400' },
  ),
});

function percentileFunction(name: 'PERCENTILE' | 'QUARTILE'): FunctionDef {
  const isQuartile = name === 'QUARTILE';
  return defineFunction({
    name,
    category: 'statistics',
    params: [either('array'), value(isQuartile ? 'quart' : 'k')],
    minArgs: 2,
    maxArgs: 2,
    returns: (t) => (t[0] === 'date' ? 'date' : 'number'),
    columnWide: false,
    call(args, row, ctx) {
      const array = args[0];
      if (array === undefined) return NO_NUMBERS;
      const sorted = sortedOf([array], row, ctx);
      if (sorted instanceof ErrorValue) return sorted;
      const raw = numberAt(args[1], row);
      if (raw instanceof ErrorValue) return raw;
      const k = isQuartile ? Math.trunc(raw) / 4 : raw;
      if (k < 0 || k > 1 || (isQuartile && (raw < 0 || raw >= 5))) {
        return badArgument(name, isQuartile ? 'quart must be 0 to 4.' : 'k must be between 0 and 1.', isQuartile ? 'quart 必须为 0 到 4。' : 'k 必须在 0 和 1 之间。', '#NUM!');
      }
      if (sorted.length === 0) return NO_NUMBERS;
      return numberOrDate(percentileOf(sorted, k), array.type === 'date');
    },
    explain(args, row, ctx) {
      const array = args[0];
      const raw = numberAt(args[1], row);
      if (array === undefined || raw instanceof ErrorValue) return [];
      const sorted = sortedOf([array], row, ctx);
      const k = isQuartile ? Math.trunc(raw) / 4 : raw;
      return sorted instanceof ErrorValue || k < 0 || k > 1 ? [] : percentileFacts(sorted, k);
    },
    docs: isQuartile
      ? docs(
          { summary: 'A quartile of a column (0 min, 1 first quartile, 2 median, 3 third quartile, 4 max), as QUARTILE.INC.', syntax: 'QUARTILE(column, quart)', example: 'QUARTILE([Sales], 1) → 1200' },
          { summary: '列的四分位数（0 最小，1 第一四分位，2 中位数，3 第三四分位，4 最大），同 QUARTILE.INC。', syntax: 'QUARTILE(列, 四分位)', example: 'QUARTILE([销售额], 1) → 1200' },
        )
      : docs(
          { summary: 'The k-th percentile of a column (k from 0 to 1), interpolating, as PERCENTILE.INC.', syntax: 'PERCENTILE(column, k)', example: 'PERCENTILE([Sales], 0.9) → 4200' },
          { summary: '列的第 k 个百分位数（k 介于 0 和 1），插值计算，同 PERCENTILE.INC。', syntax: 'PERCENTILE(列, k)', example: 'PERCENTILE([销售额], 0.9) → 4200' },
        ),
  });
}

export const statisticsFunctions: readonly FunctionDef[] = [
  aggregate('AVERAGE', (s) => (s.count === 0 ? DIV0 : s.sum / s.count), {
    en: 'The average of the numbers; of dates, a date.',
    zh: '数字的平均值；日期的平均值为日期。',
    exampleEn: 'AVERAGE([Sales]) → 2480',
    exampleZh: 'AVERAGE([销售额]) → 2480',
  }),
  aggregate('MIN', (s) => (s.count === 0 ? 0 : s.min), {
    en: 'The smallest number (0 when there is none); of dates, the earliest date.',
    zh: '最小的数字（没有时为 0）；对日期返回最早的日期。',
    exampleEn: 'MIN([Joined]) → "2024-01-31"',
    exampleZh: 'MIN([注册日期]) → "2024-01-31"',
  }),
  aggregate('MAX', (s) => (s.count === 0 ? 0 : s.max), {
    en: 'The largest number (0 when there is none); of dates, the latest date.',
    zh: '最大的数字（没有时为 0）；对日期返回最晚的日期。',
    exampleEn: 'MAX([Sales]) → 5000',
    exampleZh: 'MAX([销售额]) → 5000',
  }),
  counter('COUNT', countOne, 'Counts numbers and dates.', '统计数字和日期的个数。', 'COUNT([Sales]) → 5'),
  counter('COUNTA', countaOne, 'Counts non-blank values.', '统计非空值的个数。', 'COUNTA([City]) → 5'),
  MEDIAN,
  percentileFunction('PERCENTILE'),
  percentileFunction('QUARTILE'),
];

