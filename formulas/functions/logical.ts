// Logical functions. IF, IFS, SWITCH, IFERROR and IFNA are lazy (settled 7): they evaluate only the
// branch taken, and IFS stops at the first TRUE condition. AND, OR and XOR evaluate every argument.
// A blank field value passes through as blank (settled 2).
import { makeError, NA } from '../eval/errors';
import { compareValues } from '../eval/operators';
import { toBoolean } from '../types/coercion';
import { DateValue, ErrorValue, type StaticType, type Value } from '../eval/values';
import type { Column } from '../eval/context';
import { always, booleanAt, docs, either, repeating, rowFnOf, unify, value, valueAt } from './args';
import { defineFunction, type Arg, type FieldComparison, type FunctionDef } from './define';

const NO_LOGICAL = makeError('#VALUE!', 'No TRUE or FALSE value among the arguments.', '参数中没有 TRUE 或 FALSE 值。');
const IFS_NONE = makeError('#N/A', 'IFS: no condition is TRUE. Add TRUE as the last condition for a default.', 'IFS：没有条件为 TRUE。可在最后加上 TRUE 作为默认条件。');
const SWITCH_NONE = makeError('#N/A', 'SWITCH: no value matches and there is no default.', 'SWITCH：没有匹配的值，也没有默认值。');

/** How many logical values AND/OR/XOR see, how many are TRUE, and the first error (argument order). */
interface Tally {
  logicals: number;
  trues: number;
  error: ErrorValue | undefined;
}

/** In columns and through `{F}` only booleans and numbers (and dates) count; text and blanks are skipped. */
function tallyReferenced(t: Tally, v: Value): void {
  if (typeof v === 'boolean') {
    t.logicals++;
    if (v) t.trues++;
  } else if (typeof v === 'number') {
    t.logicals++;
    if (v !== 0) t.trues++;
  } else if (v instanceof DateValue) {
    t.logicals++;
    if (v.serial !== 0) t.trues++;
  } else if (v instanceof ErrorValue) t.error ??= v;
}

function tallyColumn(column: Column): Tally {
  const t: Tally = { logicals: 0, trues: 0, error: undefined };
  for (const v of column.values) tallyReferenced(t, v);
  return t;
}

/**
 * Tallies AND/OR/XOR's arguments: every argument is evaluated; values passed directly are coerced ("TRUE"
 * → TRUE, "x" → #VALUE!, a computed blank → FALSE as the 0 Excel would have computed). `columnTally` gives
 * a whole column's share (memoized by the compiled form).
 */
function tallyLogicals(args: readonly Arg[], row: number, columnTally: (at: number, column: Column) => Tally): Tally {
  const t: Tally = { logicals: 0, trues: 0, error: undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    if (arg.kind === 'column') {
      const c = columnTally(i, arg.column);
      t.logicals += c.logicals;
      t.trues += c.trues;
      t.error ??= c.error;
      continue;
    }
    const v = arg.eval(row);
    if (arg.isReference) {
      tallyReferenced(t, v);
      continue;
    }
    const b = toBoolean(v);
    if (b instanceof ErrorValue) t.error ??= b;
    else {
      t.logicals++;
      if (b) t.trues++;
    }
  }
  return t;
}

/**
 * A condition's value as IF and IFS read it. Booleans (nearly every condition) are decided here: run under
 * tsx, every call of an imported function goes through a module getter, which costs more than the test.
 */
function holds(c: Value): boolean | ErrorValue {
  return typeof c === 'boolean' ? c : toBoolean(c);
}

function comparisonOf(arg: Arg | undefined): FieldComparison | undefined {
  return arg?.kind === 'value' ? arg.comparison : undefined;
}

function constantOf(arg: Arg | undefined): Value | undefined {
  return arg?.kind === 'value' ? arg.constant : undefined;
}

function condition(arg: Arg | undefined, row: number): boolean | ErrorValue {
  return booleanAt(arg, row);
}

const IF = defineFunction({
  name: 'IF',
  category: 'logical',
  params: [value('logical_test'), value('value_if_true'), value('value_if_false', true)],
  minArgs: 2,
  maxArgs: 3,
  returns: (t) => unify([t[1], t[2] ?? 'boolean']),
  columnWide: false,
  call(args, row) {
    const c = condition(args[0], row);
    if (c instanceof ErrorValue) return c;
    if (c) return valueAt(args[1], row);
    return args.length > 2 ? valueAt(args[2], row) : false;
  },
  compile(args) {
    const test = rowFnOf(args[0]);
    const yes = rowFnOf(args[1]);
    const no = args.length > 2 ? rowFnOf(args[2]) : () => false;
    return (row) => {
      const c = holds(test(row));
      if (c === true) return yes(row);
      return c === false ? no(row) : c;
    };
  },
  docs: docs(
    { summary: 'Returns one value if a condition is TRUE and another if it is FALSE.', syntax: 'IF(logical_test, value_if_true, [value_if_false])', example: 'IF({Sales}>=2000, "High", "Low") → "High"' },
    { summary: '条件为 TRUE 时返回一个值，为 FALSE 时返回另一个值。', syntax: 'IF(条件, 真值, [假值])', example: 'IF({销售额}>=2000, "高", "低") → "高"' },
  ),
});

const IFS = defineFunction({
  name: 'IFS',
  category: 'logical',
  params: [repeating(value('logical_test')), value('value_if_true')],
  minArgs: 2,
  maxArgs: 254,
  returns: (t) => unify(t.filter((_, i) => i % 2 === 1)),
  columnWide: false,
  call(args, row) {
    for (let i = 0; i + 1 < args.length; i += 2) {
      const c = condition(args[i], row);
      if (c instanceof ErrorValue) return c;
      if (c) return valueAt(args[i + 1], row);
    }
    return IFS_NONE;
  },
  compile(args) {
    const tests: ((row: number) => Value)[] = [];
    const values: ((row: number) => Value)[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      tests.push(rowFnOf(args[i]));
      values.push(rowFnOf(args[i + 1]));
    }
    const pairs = tests.length;
    // Value tiers ({Sales}>=5000, …, TRUE) test numbers against constants and give constants: those are read
    // here directly, one loop and no call per condition; anything undecided goes through the argument.
    const comparisons = tests.map((_, i) => comparisonOf(args[2 * i]));
    const constants = values.map((_, i) => constantOf(args[2 * i + 1]));
    const fixedTests = tests.map((_, i) => constantOf(args[2 * i]));
    return (row) => {
      for (let i = 0; i < pairs; i++) {
        const cmp = comparisons[i];
        let c: boolean | ErrorValue | undefined;
        if (cmp !== undefined) {
          const v = cmp.values[row];
          if (typeof v === 'number') {
            const d = v - cmp.constant;
            const scale = Math.abs(v) > Math.abs(cmp.constant) ? Math.abs(v) : Math.abs(cmp.constant);
            if (Math.abs(d) > 1e-13 * scale) c = cmp.greater ? d > 0 : d < 0; // clearly apart (fast-binary.ts)
          }
        }
        if (c === undefined) {
          const fixedTest = fixedTests[i];
          c = holds(fixedTest !== undefined ? fixedTest : (tests[i] as (row: number) => Value)(row));
        }
        if (c === false) continue;
        if (c !== true) return c;
        const fixed = constants[i];
        return fixed !== undefined ? fixed : (values[i] as (row: number) => Value)(row);
      }
      return IFS_NONE;
    };
  },
  docs: docs(
    { summary: 'Checks conditions in order and returns the value of the first TRUE one.', syntax: 'IFS(test1, value1, [test2, value2], …)', example: 'IFS({Sales}>=5000, "A", {Sales}>=2000, "B", TRUE, "C") → "B"' },
    { summary: '依次检查条件，返回第一个为 TRUE 的条件对应的值。', syntax: 'IFS(条件1, 值1, [条件2, 值2], …)', example: 'IFS({销售额}>=5000, "A", {销售额}>=2000, "B", TRUE, "C") → "B"' },
  ),
});

const SWITCH = defineFunction({
  name: 'SWITCH',
  category: 'logical',
  params: [value('expression'), repeating(value('value')), value('result'), value('default', true)],
  minArgs: 3,
  maxArgs: 254,
  returns: (t) => {
    const results: (StaticType | undefined)[] = [];
    for (let i = 2; i < t.length; i += 2) results.push(t[i]);
    if (t.length % 2 === 0) results.push(t[t.length - 1]);
    return unify(results);
  },
  columnWide: false,
  call(args, row) {
    const subject = valueAt(args[0], row);
    if (subject instanceof ErrorValue) return subject;
    let i = 1;
    for (; i + 1 < args.length; i += 2) {
      const c = compareValues(subject, valueAt(args[i], row));
      if (c instanceof ErrorValue) return c;
      if (c === 0) return valueAt(args[i + 1], row);
    }
    return i < args.length ? valueAt(args[i], row) : SWITCH_NONE;
  },
  compile(args) {
    const subjectOf = rowFnOf(args[0]);
    const cases: ((row: number) => Value)[] = [];
    const results: ((row: number) => Value)[] = [];
    let i = 1;
    for (; i + 1 < args.length; i += 2) {
      cases.push(rowFnOf(args[i]));
      results.push(rowFnOf(args[i + 1]));
    }
    const fallback = i < args.length ? rowFnOf(args[i]) : () => SWITCH_NONE;
    return (row) => {
      const subject = subjectOf(row);
      if (subject instanceof ErrorValue) return subject;
      for (let k = 0; k < cases.length; k++) {
        const c = compareValues(subject, (cases[k] as (row: number) => Value)(row));
        if (c instanceof ErrorValue) return c;
        if (c === 0) return (results[k] as (row: number) => Value)(row);
      }
      return fallback(row);
    };
  },
  docs: docs(
    { summary: 'Compares a value with a list of values and returns the result of the first match.', syntax: 'SWITCH(expression, value1, result1, [value2, result2], …, [default])', example: 'SWITCH({City}, "Beijing", "North", "Shenzhen", "South", "Other") → "North"' },
    { summary: '将一个值依次与列表比较，返回第一个匹配项对应的结果。', syntax: 'SWITCH(表达式, 值1, 结果1, [值2, 结果2], …, [默认值])', example: 'SWITCH({城市}, "北京", "华北", "深圳", "华南", "其他") → "华北"' },
  ),
});

function logicalFunction(
  name: 'AND' | 'OR' | 'XOR',
  combine: (logicals: number, trues: number) => boolean,
  en: { summary: string; example: string },
  zh: { summary: string; example: string },
): FunctionDef {
  const finish = (t: Tally): Value => t.error ?? (t.logicals === 0 ? NO_LOGICAL : combine(t.logicals, t.trues));
  return defineFunction({
    name,
    category: 'logical',
    params: [either('logical', true)],
    minArgs: 1,
    maxArgs: 255,
    returns: always('boolean'),
    columnWide: false,
    call: (args, row) => finish(tallyLogicals(args, row, (_, column) => tallyColumn(column))),
    compile(args) {
      // A whole column has one tally per evaluation.
      const columns = new Map<number, Tally>();
      const columnTally = (at: number, column: Column): Tally => {
        let t = columns.get(at);
        if (t === undefined) {
          t = tallyColumn(column);
          columns.set(at, t);
        }
        return t;
      };
      return (row) => finish(tallyLogicals(args, row, columnTally));
    },
    docs: docs(
      { summary: en.summary, syntax: `${name}(logical1, [logical2], …)`, example: en.example },
      { summary: zh.summary, syntax: `${name}(条件1, [条件2], …)`, example: zh.example },
    ),
  });
}

const AND = logicalFunction(
  'AND',
  (logicals, trues) => trues === logicals,
  { summary: 'TRUE when every argument is TRUE.', example: 'AND({Sales}>1000, {City}="Beijing") → TRUE' },
  { summary: '所有参数都为 TRUE 时返回 TRUE。', example: 'AND({销售额}>1000, {城市}="北京") → TRUE' },
);
const OR = logicalFunction(
  'OR',
  (_, trues) => trues > 0,
  { summary: 'TRUE when at least one argument is TRUE.', example: 'OR({Sales}>5000, {City}="Shanghai") → FALSE' },
  { summary: '至少一个参数为 TRUE 时返回 TRUE。', example: 'OR({销售额}>5000, {城市}="上海") → FALSE' },
);
const XOR = logicalFunction(
  'XOR',
  (_, trues) => trues % 2 === 1,
  { summary: 'TRUE when an odd number of arguments are TRUE.', example: 'XOR(TRUE, FALSE, TRUE) → FALSE' },
  { summary: '为 TRUE 的参数个数为奇数时返回 TRUE。', example: 'XOR(TRUE, FALSE, TRUE) → FALSE' },
);

const NOT = defineFunction({
  name: 'NOT',
  category: 'logical',
  params: [value('logical')],
  minArgs: 1,
  maxArgs: 1,
  returns: always('boolean'),
  columnWide: false,
  call(args, row) {
    const b = booleanAt(args[0], row);
    return b instanceof ErrorValue ? b : !b;
  },
  docs: docs(
    { summary: 'Reverses a logical value.', syntax: 'NOT(logical)', example: 'NOT({Sales}>5000) → TRUE' },
    { summary: '对逻辑值取反。', syntax: 'NOT(条件)', example: 'NOT({销售额}>5000) → TRUE' },
  ),
});

function errorCatcher(name: 'IFERROR' | 'IFNA', catches: (e: ErrorValue) => boolean, en: string, zh: string): FunctionDef {
  return defineFunction({
    name,
    category: 'logical',
    params: [value('value'), value(name === 'IFERROR' ? 'value_if_error' : 'value_if_na')],
    minArgs: 2,
    maxArgs: 2,
    returns: (t) => unify([t[0], t[1]]),
    columnWide: false,
    call(args, row) {
      const v = valueAt(args[0], row);
      return v instanceof ErrorValue && catches(v) ? valueAt(args[1], row) : v;
    },
    docs: docs(
      { summary: en, syntax: `${name}(value, ${name === 'IFERROR' ? 'value_if_error' : 'value_if_na'})`, example: name === 'IFERROR' ? 'IFERROR(1/0, "none") → "none"' : 'IFNA(NA(), 0) → 0' },
      { summary: zh, syntax: `${name}(值, ${name === 'IFERROR' ? '出错时的值' : '为 #N/A 时的值'})`, example: name === 'IFERROR' ? 'IFERROR(1/0, "无") → "无"' : 'IFNA(NA(), 0) → 0' },
    ),
  });
}

const IFERROR = errorCatcher('IFERROR', () => true, 'Returns a fallback when a value is an error.', '值为错误时返回备用值。');
const IFNA = errorCatcher('IFNA', (e) => e.code === NA.code, 'Returns a fallback when a value is #N/A.', '值为 #N/A 时返回备用值。');

function constant(name: 'TRUE' | 'FALSE', result: boolean): FunctionDef {
  return defineFunction({
    name,
    category: 'logical',
    params: [],
    minArgs: 0,
    maxArgs: 0,
    returns: always('boolean'),
    columnWide: false,
    call: () => result,
    docs: docs(
      { summary: `The logical value ${name}.`, syntax: `${name}()`, example: `${name}() → ${name}` },
      { summary: `逻辑值 ${name}。`, syntax: `${name}()`, example: `${name}() → ${name}` },
    ),
  });
}

export const logicalFunctions: readonly FunctionDef[] = [
  IF,
  IFS,
  SWITCH,
  AND,
  OR,
  XOR,
  NOT,
  IFERROR,
  IFNA,
  constant('TRUE', true),
  constant('FALSE', false),
];
