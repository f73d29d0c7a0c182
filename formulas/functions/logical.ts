// Logical functions. IF, IFS, SWITCH, IFERROR and IFNA are lazy (settled 7): they evaluate only the
// branch taken, and IFS stops at the first TRUE condition. AND, OR and XOR evaluate every argument.
// A blank field value passes through as blank (settled 2).
import { makeError, NA } from '../eval/errors';
import { compareValues } from '../eval/operators';
import { toBoolean } from '../types/coercion';
import { DateValue, ErrorValue, type StaticType, type Value } from '../eval/values';
import { always, booleanAt, docs, either, repeating, unify, value, valueAt } from './args';
import { defineFunction, type Arg, type FunctionDef } from './define';

const NO_LOGICAL = makeError('#VALUE!', 'No TRUE or FALSE value among the arguments.', '参数中没有 TRUE 或 FALSE 值。');
const IFS_NONE = makeError('#N/A', 'IFS: no condition is TRUE. Add TRUE as the last condition for a default.', 'IFS：没有条件为 TRUE。可在最后加上 TRUE 作为默认条件。');
const SWITCH_NONE = makeError('#N/A', 'SWITCH: no value matches and there is no default.', 'SWITCH：没有匹配的值，也没有默认值。');

/**
 * The logical values of AND/OR/XOR's arguments: in columns and through `{F}` only booleans and numbers
 * count (text and blanks are skipped); values passed directly are coerced ("TRUE" → TRUE, "x" → #VALUE!).
 * Every argument is evaluated; the first error, in argument order, wins.
 */
function logicalValues(args: readonly Arg[], row: number): boolean[] | ErrorValue {
  const out: boolean[] = [];
  let error: ErrorValue | undefined;
  const referenced = (v: Value): void => {
    if (v instanceof ErrorValue) error ??= v;
    else if (typeof v === 'boolean') out.push(v);
    else if (typeof v === 'number') out.push(v !== 0);
    else if (v instanceof DateValue) out.push(v.serial !== 0);
  };
  for (const arg of args) {
    if (arg.kind === 'column') {
      for (const v of arg.column.values) referenced(v);
      continue;
    }
    const v = arg.eval(row);
    if (arg.isReference) {
      referenced(v);
      continue;
    }
    // A computed blank is FALSE, as the 0 Excel would have computed; "TRUE" text is coerced.
    const b = toBoolean(v);
    if (b instanceof ErrorValue) error ??= b;
    else out.push(b);
  }
  if (error !== undefined) return error;
  return out.length === 0 ? NO_LOGICAL : out;
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
  docs: docs(
    { summary: 'Compares a value with a list of values and returns the result of the first match.', syntax: 'SWITCH(expression, value1, result1, [value2, result2], …, [default])', example: 'SWITCH({City}, "Beijing", "North", "Shenzhen", "South", "Other") → "North"' },
    { summary: '将一个值依次与列表比较，返回第一个匹配项对应的结果。', syntax: 'SWITCH(表达式, 值1, 结果1, [值2, 结果2], …, [默认值])', example: 'SWITCH({城市}, "北京", "华北", "深圳", "华南", "其他") → "华北"' },
  ),
});

function logicalFunction(
  name: 'AND' | 'OR' | 'XOR',
  combine: (values: readonly boolean[]) => boolean,
  en: { summary: string; example: string },
  zh: { summary: string; example: string },
): FunctionDef {
  return defineFunction({
    name,
    category: 'logical',
    params: [either('logical', true)],
    minArgs: 1,
    maxArgs: 255,
    returns: always('boolean'),
    columnWide: false,
    call(args, row) {
      const values = logicalValues(args, row);
      return values instanceof ErrorValue ? values : combine(values);
    },
    docs: docs(
      { summary: en.summary, syntax: `${name}(logical1, [logical2], …)`, example: en.example },
      { summary: zh.summary, syntax: `${name}(条件1, [条件2], …)`, example: zh.example },
    ),
  });
}

const AND = logicalFunction(
  'AND',
  (v) => v.every(Boolean),
  { summary: 'TRUE when every argument is TRUE.', example: 'AND({Sales}>1000, {City}="Beijing") → TRUE' },
  { summary: '所有参数都为 TRUE 时返回 TRUE。', example: 'AND({销售额}>1000, {城市}="北京") → TRUE' },
);
const OR = logicalFunction(
  'OR',
  (v) => v.some(Boolean),
  { summary: 'TRUE when at least one argument is TRUE.', example: 'OR({Sales}>5000, {City}="Shanghai") → FALSE' },
  { summary: '至少一个参数为 TRUE 时返回 TRUE。', example: 'OR({销售额}>5000, {城市}="上海") → FALSE' },
);
const XOR = logicalFunction(
  'XOR',
  (v) => v.filter(Boolean).length % 2 === 1,
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
