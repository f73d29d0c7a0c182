// Helpers the function families share: reading arguments, coercing them through the one coercion
// table, walking the numbers of SUM-like argument lists (settled 1) and result types (settled 3).
import type { Column } from '../eval/context';
import { makeError } from '../eval/errors';
import { referencedNumber, toBoolean, toNumber, toText } from '../types/coercion';
import { DateValue, ErrorValue, type StaticType, type Value } from '../eval/values';
import { defineFunction, type Arg, type FunctionCategory, type FunctionDef, type FunctionDoc, type ParamSpec } from './define';

const COLUMN_WHERE_VALUE = makeError(
  '#VALUE!',
  'A whole column was given where one value is expected.',
  '此处需要一个值，却给了整列。',
);

/** The argument's value for this row (lazy arguments are evaluated here, and only here). */
export function valueAt(arg: Arg | undefined, row: number): Value {
  if (arg === undefined) return null;
  return arg.kind === 'value' ? arg.eval(row) : COLUMN_WHERE_VALUE;
}

/** valueAt as a row function, for compiled forms (FunctionDef.compile): the argument's own closure when it has one. */
export function rowFnOf(arg: Arg | undefined): (row: number) => Value {
  if (arg === undefined) return () => null;
  return arg.kind === 'value' ? arg.eval : () => COLUMN_WHERE_VALUE;
}

export function numberAt(arg: Arg | undefined, row: number): number | ErrorValue {
  return toNumber(valueAt(arg, row));
}

export function textAt(arg: Arg | undefined, row: number): string | ErrorValue {
  return toText(valueAt(arg, row));
}

export function booleanAt(arg: Arg | undefined, row: number): boolean | ErrorValue {
  return toBoolean(valueAt(arg, row));
}

/** An optional numeric argument with Excel's default when omitted. */
export function optionalNumber(arg: Arg | undefined, row: number, fallback: number): number | ErrorValue {
  return arg === undefined ? fallback : numberAt(arg, row);
}

export function columnOf(arg: Arg | undefined): Column | undefined {
  return arg?.kind === 'column' ? arg.column : undefined;
}

/**
 * Calls `visit` with every number SUM, AVERAGE, MIN, MAX and MEDIAN see (settled 1): in columns and
 * through `{F}` only numbers and dates count; values passed directly are coerced ("3" → 3, TRUE → 1,
 * "abc" → #VALUE!, a computed blank → 0). Returns the first error met, else undefined. Columns are handled by the caller
 * when it has a memoized summary, so `onColumn` may answer for a whole column at once.
 */
export function forEachNumber(
  args: readonly Arg[],
  row: number,
  visit: (n: number) => void,
  onColumn: (column: Column) => ErrorValue | undefined,
): ErrorValue | undefined {
  for (const arg of args) {
    if (arg.kind === 'column') {
      const error = onColumn(arg.column);
      if (error !== undefined) return error;
      continue;
    }
    const v = arg.eval(row);
    if (v instanceof ErrorValue) return v;
    if (arg.isReference) {
      const n = referencedNumber(v);
      if (n !== undefined) visit(n);
      continue;
    }
    // A computed blank (IF passing a blank field through) is the 0 Excel would have computed:
    // settled 2 changes only what a whole formula shows, not what its parts compute.
    const n = toNumber(v);
    if (n instanceof ErrorValue) return n;
    visit(n);
  }
  return undefined;
}

/** Visits the numbers of a column one by one (for functions that cannot use a memoized summary). */
export function visitColumn(column: Column, visit: (n: number) => void): ErrorValue | undefined {
  for (const v of column.values) {
    if (v instanceof ErrorValue) return v;
    const n = referencedNumber(v);
    if (n !== undefined) visit(n);
  }
  return undefined;
}

// ---- result types --------------------------------------------------------------------------------

export const always =
  (type: StaticType) =>
  (): StaticType =>
    type;

/** One type when all agree, else 'mixed'. */
export function unify(types: readonly (StaticType | undefined)[]): StaticType {
  const known = types.filter((t): t is StaticType => t !== undefined);
  const first = known[0];
  if (first === undefined) return 'mixed';
  return known.every((t) => t === first) ? first : 'mixed';
}

/** Settled 3: MIN, MAX, MEDIAN, AVERAGE… of dates give a date. */
export function dateWhenAllDates(types: readonly StaticType[]): StaticType {
  return types.length > 0 && types.every((t) => t === 'date') ? 'date' : 'number';
}

export function allDateArgs(args: readonly Arg[]): boolean {
  return args.length > 0 && args.every((a) => a.type === 'date');
}

/** A number result, as a date (fraction dropped) when the arguments are dates (settled 3). */
export function numberOrDate(n: number, asDate: boolean): Value {
  if (!Number.isFinite(n)) return makeError('#NUM!', 'The result is not a valid number.', '结果不是有效的数字。');
  return asDate ? new DateValue(Math.floor(n)) : n;
}

// ---- declarations --------------------------------------------------------------------------------

export function value(name: string, optional = false): ParamSpec {
  return optional ? { name, kind: 'value', optional } : { name, kind: 'value' };
}

export function column(name: string): ParamSpec {
  return { name, kind: 'column' };
}

export function either(name: string, repeats = false): ParamSpec {
  return repeats ? { name, kind: 'either', repeats } : { name, kind: 'either' };
}

export function repeating(spec: ParamSpec): ParamSpec {
  return { ...spec, repeats: true };
}

export function docs(
  en: FunctionDoc,
  zh: FunctionDoc,
): { readonly 'zh-CN': FunctionDoc; readonly en: FunctionDoc } {
  return { en, 'zh-CN': zh };
}

/** Truncates toward zero as Excel does for integer arguments (LEFT's count, ROUND's digits…). */
export function trunc(n: number): number {
  return n < 0 ? Math.ceil(n) : Math.floor(n);
}

/** Docs of a simple row function, written as one flat record per function. */
export interface RowFunctionDoc {
  readonly en: string;
  readonly zh: string;
  readonly syntaxEn: string;
  readonly syntaxZh: string;
  readonly exampleEn: string;
  readonly exampleZh?: string;
}

/** A function of one row's values with fixed params and result type (the text and date families). */
export function rowFunction(
  category: FunctionCategory,
  name: string,
  params: readonly ParamSpec[],
  minArgs: number,
  returns: StaticType,
  call: (args: readonly Arg[], row: number) => Value,
  doc: RowFunctionDoc,
): FunctionDef {
  return defineFunction({
    name,
    category,
    params,
    minArgs,
    maxArgs: params.length,
    returns: always(returns),
    columnWide: false,
    call,
    docs: docs(
      { summary: doc.en, syntax: doc.syntaxEn, example: doc.exampleEn },
      { summary: doc.zh, syntax: doc.syntaxZh, example: doc.exampleZh ?? doc.exampleEn },
    ),
  });
}
