// Conditional functions across tables: SUMIFS, COUNTIFS, AVERAGEIFS, MAXIFS, MINIFS, COUNTUNIQUEIFS
// (Google Sheets'), their one-criterion forms SUMIF, COUNTIF, AVERAGEIF, and XLOOKUP (exact match, first
// match). Each is answered from per-evaluation indexes (eval/conditional-index.ts, eval/indexes.ts).
import type { Column, EvalContext } from '../eval/context';
import { evaluateIfs, type IfsAggregate, type IfsResult } from '../eval/conditional-index';
import { parseCriterion, type Criterion, type MatchKey } from '../eval/criteria';
import { bucketTotals, compositeKey, groupDistinct, groupTotals } from '../eval/ifs-hash';
import { DIV0, makeError, MISMATCHED_COLUMNS, NOT_FOUND } from '../eval/errors';
import { lookupIndex, lookupKey } from '../eval/indexes';
import { ErrorValue, type StaticType, type Value } from '../eval/values';
import { always, column, columnOf, docs, numberOrDate, repeating, rowFnOf, unify, value, valueAt } from './args';
import { defineFunction, type Arg, type ExplainFact, type FunctionDef, type ParamSpec } from './define';

const NOT_A_COLUMN = makeError('#VALUE!', 'A whole column is expected here.', '此处需要整列。');

/** Parsed criteria are cached per evaluation: a constant "北*" builds its pattern once, not per row. */
function criterionOf(ctx: EvalContext, v: Value): Criterion | ErrorValue {
  if (typeof v !== 'string' || isPlainText(v)) return parseCriterion(v);
  return ctx.memo(`criterion:${v}`, () => parseCriterion(v));
}

/** Text without operators or wildcards (an id, a city) parses cheaply: no need to cache it. */
function isPlainText(v: string): boolean {
  return !/[<>=*?~]/.test(v);
}

type Finish = (r: IfsResult, targetType: StaticType | undefined) => Value;

/** What one call site's column arguments are, worked out once per args array. */
interface Site {
  readonly target: Column | undefined;
  /** The same array on every row, so the index caches can find this call site by identity. */
  readonly columns: readonly Column[];
}

/**
 * The shared call of every *IFS function. `targetAt` is the index of the summed column (undefined for
 * COUNTIFS); criteria pairs start at `pairsFrom`.
 */
function ifsCall(aggregate: IfsAggregate, targetAt: number | undefined, pairsFrom: number, finish: Finish) {
  // The compiler hands the same args array to every row: what depends only on it is worked out once.
  const sites = new WeakMap<readonly Arg[], Site | ErrorValue>();
  const siteOf = (args: readonly Arg[]): Site | ErrorValue => {
    const known = sites.get(args);
    if (known !== undefined) return known;
    const target = targetAt === undefined ? undefined : columnOf(args[targetAt]);
    const columns: Column[] = [];
    let site: Site | ErrorValue = { target, columns };
    if (targetAt !== undefined && target === undefined) site = NOT_A_COLUMN;
    for (let i = pairsFrom; i + 1 < args.length; i += 2) {
      const c = columnOf(args[i]);
      if (c === undefined) site = NOT_A_COLUMN;
      else columns.push(c);
    }
    sites.set(args, site);
    return site;
  };
  const resultOf = (args: readonly Arg[], row: number, ctx: EvalContext): IfsResult | ErrorValue => {
    const site = siteOf(args);
    if (site instanceof ErrorValue) return site;
    const criteria: Criterion[] = [];
    for (let i = pairsFrom; i + 1 < args.length; i += 2) {
      const criterion = criterionOf(ctx, valueAt(args[i + 1], row));
      if (criterion instanceof ErrorValue) return criterion;
      criteria.push(criterion);
    }
    return evaluateIfs(ctx, { aggregate, target: site.target, columns: site.columns, criteria });
  };
  const call = (args: readonly Arg[], row: number, ctx: EvalContext): Value => {
    const result = resultOf(args, row, ctx);
    const targetType = targetAt === undefined ? undefined : args[targetAt]?.type;
    return result instanceof ErrorValue ? result : finish(result, targetType);
  };
  return {
    call,
    /**
     * Criteria that are all equalities on this row (`Orders[Customer], {Id}`), the most common shape: every
     * key's answer comes from one pass over the columns (keyAnswers), then each row is one hash lookup.
     * A row with any other criterion (ranges, wildcards, "<>x", blanks) goes the way of `call`.
     */
    compile(args: readonly Arg[], ctx: EvalContext): (row: number) => Value {
      const site = siteOf(args);
      const generic = (row: number): Value => call(args, row, ctx);
      if (site instanceof ErrorValue || site.columns.length === 0) return generic;
      const length = site.target?.values.length ?? site.columns[0]?.values.length;
      if (site.columns.some((c) => c.values.length !== length)) return generic; // evaluateIfs' #VALUE!
      const criteriaAt = site.columns.map((_, i) => rowFnOf(args[pairsFrom + 2 * i + 1]));
      const targetType = targetAt === undefined ? undefined : args[targetAt]?.type;
      const keys: MatchKey[] = [];
      let answerOf: ((key: MatchKey) => IfsResult) | undefined;
      // After one row whose criteria are not all equalities (say `">"&{Start}`), the rest go straight to `call`
      // rather than parsing their criteria twice; `call` is right for every row, only slower on equalities.
      let generalRows = false;
      return (row) => {
        if (generalRows) return generic(row);
        keys.length = 0;
        for (const at of criteriaAt) {
          const criterion = criterionOf(ctx, at(row));
          if (criterion instanceof ErrorValue) return criterion;
          if (criterion.kind !== 'eq') {
            generalRows = true;
            return generic(row);
          }
          keys.push(criterion.key);
        }
        answerOf ??= keyAnswers(ctx, aggregate, site);
        return finish(answerOf(compositeKey(keys)), targetType);
      };
    },
    /** The facts behind the answer: how many rows met the criteria and what they hold. */
    explain(args: readonly Arg[], row: number, ctx: EvalContext): readonly ExplainFact[] {
      const r = resultOf(args, row, ctx);
      if (r instanceof ErrorValue) return [];
      const facts: ExplainFact[] = [fact('Rows meeting every criterion', '满足所有条件的行数', r.rows)];
      if (targetAt !== undefined) {
        facts.push(fact('Numbers among them', '其中的数字个数', r.count), fact('Their total', '它们的合计', r.sum));
      }
      return facts;
    },
  };
}

const NO_ROWS: IfsResult = { rows: 0, sum: 0, count: 0, min: Infinity, max: -Infinity, distinct: 0, error: undefined };

/**
 * Every key's answer at once, as evaluateIfs gives it for equality criteria on these columns: one pass over
 * one column (groupTotals), or over the composite-key groups of several (bucketTotals), or per group the
 * distinct target values (groupDistinct, COUNTUNIQUEIFS).
 */
function keyAnswers(ctx: EvalContext, aggregate: IfsAggregate, site: Site): (key: MatchKey) => IfsResult {
  if (aggregate === 'unique') {
    if (site.target === undefined) return () => NO_ROWS;
    const d = groupDistinct(ctx, site.columns, site.target);
    // Only `distinct` is read by COUNTUNIQUEIFS' finish; the other fields stay those of no rows.
    return (key) => {
      const g = d.groups.get(key);
      return g === undefined ? NO_ROWS : { ...NO_ROWS, distinct: d.distinct[g] ?? 0 };
    };
  }
  const only = site.columns.length === 1 ? site.columns[0] : undefined;
  const t = only === undefined ? bucketTotals(ctx, site.columns, site.target) : groupTotals(ctx, only, site.target);
  return (key) => {
    const g = t.groups.get(key);
    if (g === undefined) return NO_ROWS;
    return { rows: t.rows[g] ?? 0, sum: t.sum[g] ?? 0, count: t.count[g] ?? 0, min: t.min[g] ?? Infinity, max: t.max[g] ?? -Infinity, distinct: 0, error: t.errors.get(g) };
  };
}

function fact(en: string, zh: string, value: Value): ExplainFact {
  return { label: { en, 'zh-CN': zh }, value };
}

/** SUMIF(range, criterion, [sum_range]): the criteria pair comes first, the summed column last. */
function ifCall(aggregate: IfsAggregate, finish: Finish) {
  const inner = ifsCall(aggregate, 0, 1, finish);
  const reordered = new WeakMap<readonly Arg[], readonly Arg[]>();
  const inOrder = (args: readonly Arg[]): readonly Arg[] => {
    let known = reordered.get(args);
    if (known === undefined) {
      const range = args[0] as Arg;
      known = [args[2] ?? range, range, args[1] as Arg];
      reordered.set(args, known);
    }
    return known;
  };
  return {
    call: (args: readonly Arg[], row: number, ctx: EvalContext): Value => inner.call(inOrder(args), row, ctx),
    compile: (args: readonly Arg[], ctx: EvalContext): ((row: number) => Value) => inner.compile(inOrder(args), ctx),
    explain: (args: readonly Arg[], row: number, ctx: EvalContext): readonly ExplainFact[] => inner.explain(inOrder(args), row, ctx),
  };
}

const sum: Finish = (r) => r.error ?? r.sum;
const count: Finish = (r) => r.rows;
const average: Finish = (r, t) => r.error ?? (r.count === 0 ? DIV0 : numberOrDate(r.sum / r.count, t === 'date'));
const max: Finish = (r, t) => r.error ?? numberOrDate(r.count === 0 ? 0 : r.max, t === 'date');
const min: Finish = (r, t) => r.error ?? numberOrDate(r.count === 0 ? 0 : r.min, t === 'date');
const unique: Finish = (r) => r.distinct;

const dateIfTargetDate = (t: readonly StaticType[]): StaticType => (t[0] === 'date' ? 'date' : 'number');

interface IfsDoc {
  readonly en: string;
  readonly zh: string;
  readonly exampleEn: string;
  readonly exampleZh: string;
}

function ifsFunction(name: string, aggregate: IfsAggregate, hasTarget: boolean, finish: Finish, returns: FunctionDef['returns'], doc: IfsDoc): FunctionDef {
  const targetName = name === 'COUNTUNIQUEIFS' ? 'range' : `${name.slice(0, -3).toLowerCase()}_range`;
  const params: ParamSpec[] = [
    ...(hasTarget ? [column(targetName)] : []),
    repeating(column('criteria_range')),
    value('criteria'),
  ];
  const pairsFrom = hasTarget ? 1 : 0;
  return defineFunction({
    name,
    category: 'conditional',
    params,
    minArgs: pairsFrom + 2,
    maxArgs: pairsFrom + 254,
    returns,
    columnWide: true,
    ...ifsCall(aggregate, hasTarget ? 0 : undefined, pairsFrom, finish),
    docs: docs(
      { summary: doc.en, syntax: `${name}(${hasTarget ? `${targetName}, ` : ''}criteria_range1, criteria1, [criteria_range2, criteria2], …)`, example: doc.exampleEn },
      { summary: doc.zh, syntax: `${name}(${hasTarget ? '求值列, ' : ''}条件列1, 条件1, [条件列2, 条件2], …)`, example: doc.exampleZh },
    ),
  });
}

function ifFunction(name: 'SUMIF' | 'COUNTIF' | 'AVERAGEIF', aggregate: IfsAggregate, finish: Finish, doc: IfsDoc): FunctionDef {
  const withTarget = name !== 'COUNTIF';
  return defineFunction({
    name,
    category: 'conditional',
    params: withTarget ? [column('range'), value('criteria'), { name: `${name.slice(0, -2).toLowerCase()}_range`, kind: 'column', optional: true }] : [column('range'), value('criteria')],
    minArgs: 2,
    maxArgs: withTarget ? 3 : 2,
    returns: name === 'AVERAGEIF' ? (t) => (t[2] ?? t[0]) === 'date' ? 'date' : 'number' : always('number'),
    columnWide: true,
    ...(name === 'COUNTIF' ? ifsCall(aggregate, undefined, 0, finish) : ifCall(aggregate, finish)),
    docs: docs(
      { summary: doc.en, syntax: withTarget ? `${name}(range, criteria, [${name.slice(0, -2).toLowerCase()}_range])` : `${name}(range, criteria)`, example: doc.exampleEn },
      { summary: doc.zh, syntax: withTarget ? `${name}(条件列, 条件, [求值列])` : `${name}(条件列, 条件)`, example: doc.exampleZh },
    ),
  });
}

function xlookup(args: readonly Arg[], row: number, ctx: EvalContext): Value {
  const v = valueAt(args[0], row);
  if (v instanceof ErrorValue) return v;
  const lookup = columnOf(args[1]);
  const result = columnOf(args[2]);
  if (lookup === undefined || result === undefined) return NOT_A_COLUMN;
  if (lookup.values.length !== result.values.length) return MISMATCHED_COLUMNS;
  const key = lookupKey(v);
  // A blank lookup value finds nothing: a missing customer id must not match a row without one.
  const found = key === undefined ? undefined : lookupIndex(ctx, lookup).get(key);
  if (found === undefined) return args.length > 3 ? valueAt(args[3], row) : NOT_FOUND;
  return result.values[found] ?? null; // a blank cell stays blank (settled 2)
}

const XLOOKUP = defineFunction({
  name: 'XLOOKUP',
  category: 'conditional',
  params: [value('lookup_value'), column('lookup_array'), column('return_array'), value('if_not_found', true)],
  minArgs: 3,
  maxArgs: 4,
  returns: (t) => (t.length > 3 ? unify([t[2], t[3]]) : t[2] ?? 'mixed'),
  columnWide: true,
  call: xlookup,
  explain(args, row, ctx) {
    const lookup = columnOf(args[1]);
    const key = lookupKey(valueAt(args[0], row));
    const found = lookup === undefined || key === undefined ? undefined : lookupIndex(ctx, lookup).get(key);
    return [fact('Row found (1 = first)', '找到的行（1 为第一行）', found === undefined ? null : found + 1)];
  },
  docs: docs(
    { summary: 'Finds a value in a column (exact match, first match, case-insensitive) and returns the same row of another column.', syntax: 'XLOOKUP(lookup_value, lookup_array, return_array, [if_not_found])', example: 'XLOOKUP({Id}, Orders[Customer], Orders[Date]) → "2024-05-01"' },
    { summary: '在一列中查找值（精确匹配、取第一个、不区分大小写），返回另一列同一行的值。', syntax: 'XLOOKUP(查找值, 查找列, 返回列, [未找到时的值])', example: 'XLOOKUP({编号}, 订单[客户], 订单[日期]) → "2024-05-01"' },
  ),
});

export const conditionalFunctions: readonly FunctionDef[] = [
  ifsFunction('SUMIFS', 'sum', true, sum, always('number'), {
    en: 'Adds the numbers of a column in the rows that meet every criterion (">=100", "<>x", "北*"…).',
    zh: '对满足所有条件（">=100"、"<>x"、"北*"…）的行求和。',
    exampleEn: 'SUMIFS(Orders[Amount], Orders[Customer], {Id}) → 2400',
    exampleZh: 'SUMIFS(订单[金额], 订单[客户], {编号}) → 2400',
  }),
  ifsFunction('COUNTIFS', 'count', false, count, always('number'), {
    en: 'Counts the rows that meet every criterion.',
    zh: '统计满足所有条件的行数。',
    exampleEn: 'COUNTIFS(Orders[Customer], {Id}, Orders[Amount], ">1000") → 1',
    exampleZh: 'COUNTIFS(订单[客户], {编号}, 订单[金额], ">1000") → 1',
  }),
  ifsFunction('AVERAGEIFS', 'sum', true, average, dateIfTargetDate, {
    en: 'Averages the numbers of a column in the rows that meet every criterion; #DIV/0! when none.',
    zh: '对满足所有条件的行求平均值；没有满足的行时返回 #DIV/0!。',
    exampleEn: 'AVERAGEIFS(Orders[Amount], Orders[Customer], {Id}) → 1200',
    exampleZh: 'AVERAGEIFS(订单[金额], 订单[客户], {编号}) → 1200',
  }),
  ifsFunction('MAXIFS', 'minmax', true, max, dateIfTargetDate, {
    en: 'The largest number (or latest date) in the rows that meet every criterion; 0 when none.',
    zh: '满足所有条件的行中最大的数字（或最晚的日期）；没有时为 0。',
    exampleEn: 'MAXIFS(Orders[Date], Orders[Customer], {Id}) → "2024-06-10"',
    exampleZh: 'MAXIFS(订单[日期], 订单[客户], {编号}) → "2024-06-10"',
  }),
  ifsFunction('MINIFS', 'minmax', true, min, dateIfTargetDate, {
    en: 'The smallest number (or earliest date) in the rows that meet every criterion; 0 when none.',
    zh: '满足所有条件的行中最小的数字（或最早的日期）；没有时为 0。',
    exampleEn: 'MINIFS(Orders[Amount], Orders[Customer], {Id}) → 1000',
    exampleZh: 'MINIFS(订单[金额], 订单[客户], {编号}) → 1000',
  }),
  ifsFunction('COUNTUNIQUEIFS', 'unique', true, unique, always('number'), {
    en: 'The number of distinct non-blank values of a column in the rows that meet every criterion (as Google Sheets).',
    zh: '满足所有条件的行中，某列不同非空值的个数（同 Google 表格）。',
    exampleEn: 'COUNTUNIQUEIFS(Orders[Date], Orders[Customer], {Id}) → 2',
    exampleZh: 'COUNTUNIQUEIFS(订单[日期], 订单[客户], {编号}) → 2',
  }),
  ifFunction('SUMIF', 'sum', sum, {
    en: 'Adds the numbers in the rows that meet one criterion.',
    zh: '对满足一个条件的行求和。',
    exampleEn: 'SUMIF([City], "Bei*", [Sales]) → 10400',
    exampleZh: 'SUMIF([城市], "北*", [销售额]) → 10400',
  }),
  ifFunction('COUNTIF', 'count', count, {
    en: 'Counts the rows that meet one criterion.',
    zh: '统计满足一个条件的行数。',
    exampleEn: 'COUNTIF([Sales], ">=2400") → 3',
    exampleZh: 'COUNTIF([销售额], ">=2400") → 3',
  }),
  ifFunction('AVERAGEIF', 'sum', average, {
    en: 'Averages the numbers in the rows that meet one criterion.',
    zh: '对满足一个条件的行求平均值。',
    exampleEn: 'AVERAGEIF([City], "<>Beijing", [Sales]) → 1000',
    exampleZh: 'AVERAGEIF([城市], "<>北京", [销售额]) → 1000',
  }),
  XLOOKUP,
];
