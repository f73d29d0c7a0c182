// Checked tree → closures. Compilation happens once per formula: it produces "makers" that, given one
// evaluation's data, build `(row) => Value` closures over the column arrays; those then run for every row
// with no tree walking, no name lookups and no allocation beyond what the operators themselves do.

import type { Arg, FieldComparison } from '../functions/define';
import type { Bound } from '../types/bound';
import { unwrapParens } from '../types/bound';
import { createEvalContext, type Column, type EvalContext } from './context';
import { serialFromIso } from './dates';
import { binaryFor, fieldOpNumber } from './fast-binary';
import { applyPercent, applyUnary } from './operators';
import { DateValue, ErrorValue, type Value } from './values';

/** The data one evaluation reads. Columns of any table are fetched through `column`, once each. */
export interface FormulaData {
  /** Rows of the formula's own table. */
  readonly rowCount: number;
  /** TODAY(): an Excel serial number or "YYYY-MM-DD". */
  readonly asOf: number | string;
  column(tableId: string, fieldId: string): readonly Value[];
}

export type RowFn = (row: number) => Value;

/** Hooks for explain: sees every node evaluation. Absent in normal runs, so they cost nothing there. */
export interface Tracer {
  run(bound: Bound, row: number, compute: () => Value, call?: { readonly args: readonly Arg[] }): Value;
}

export interface Env {
  readonly ctx: EvalContext;
  values(tableId: string, fieldId: string): readonly Value[];
  column(tableId: string, fieldId: string, type: Column['type']): Column;
  readonly tracer?: Tracer;
}

export type Maker = (env: Env) => RowFn;

export function createEnv(data: FormulaData, tracer?: Tracer): Env {
  const asOf = typeof data.asOf === 'number' ? data.asOf : serialFromIso(data.asOf);
  // A bad as-of date is a programming error of the caller, not a formula error: fail loudly.
  if (asOf === undefined) throw new RangeError(`asOf is not a valid YYYY-MM-DD date: ${String(data.asOf)}`);
  const ctx = createEvalContext(asOf, data.rowCount);
  const values = new Map<string, readonly Value[]>();
  const columns = new Map<string, Column>();
  const read = (tableId: string, fieldId: string): readonly Value[] => {
    const key = `${tableId}.${fieldId}`;
    let found = values.get(key);
    if (found === undefined) {
      found = data.column(tableId, fieldId);
      values.set(key, found);
    }
    return found;
  };
  return {
    ctx,
    values: read,
    column(tableId, fieldId, type) {
      const key = `${tableId}.${fieldId}`;
      let found = columns.get(key);
      if (found === undefined) {
        found = { key, type, values: read(tableId, fieldId) };
        columns.set(key, found);
      }
      return found;
    },
    ...(tracer === undefined ? {} : { tracer }),
  };
}

export function compileNode(bound: Bound): Maker {
  const make = compileBare(bound);
  // A subtree without `{F}` has one value per evaluation (`SUM([x])` in `{x}/SUM([x])`): computed once.
  const once = bound.kind !== 'literal' && bound.kind !== 'column' && rowInvariant(bound);
  // Wrapping is decided when closures are built, so untraced runs never pay for tracing.
  return (env) => {
    const fn = make(env);
    const tracer = env.tracer;
    if (tracer === undefined) return once ? onlyOnce(fn) : fn;
    // Calls trace themselves (to hand over their arguments); parentheses would only repeat their content.
    if (bound.kind === 'column' || bound.kind === 'call' || bound.kind === 'paren') return fn;
    return (row) => tracer.run(bound, row, () => fn(row));
  };
}

const invariance = new WeakMap<Bound, boolean>();

/** The same value on every row: no `{F}` inside, no row-dependent function (FunctionDef.rowDependent). */
export function rowInvariant(bound: Bound): boolean {
  const known = invariance.get(bound);
  if (known !== undefined) return known;
  let result: boolean;
  switch (bound.kind) {
    case 'literal':
    case 'column':
      result = true;
      break;
    case 'field':
    case 'invalid':
      result = false;
      break;
    case 'paren':
      result = rowInvariant(bound.inner);
      break;
    case 'unary':
    case 'percent':
      result = rowInvariant(bound.operand);
      break;
    case 'binary':
      result = rowInvariant(bound.left) && rowInvariant(bound.right);
      break;
    case 'call':
      result = bound.def.rowDependent !== true && bound.args.every(rowInvariant);
      break;
  }
  invariance.set(bound, result);
  return result;
}

/** Computed at the first row that asks (lazily, so IF's untaken branches still cost nothing), then reused. */
function onlyOnce(fn: RowFn): RowFn {
  let done = false;
  let value: Value = null;
  return (row) => {
    if (!done) {
      value = fn(row);
      done = true;
    }
    return value;
  };
}

function compileBare(bound: Bound): Maker {
  switch (bound.kind) {
    case 'literal': {
      const value = bound.value;
      return () => () => value;
    }
    case 'field': {
      const { tableId, fieldId } = bound;
      return (env) => {
        const values = env.values(tableId, fieldId);
        return (row) => values[row] ?? null;
      };
    }
    case 'column':
      // Checked formulas only hold columns as function arguments (compileCall); reaching here is a bug.
      return () => () => new ErrorValue('#VALUE!');
    case 'paren':
      return compileNode(bound.inner);
    case 'unary': {
      const operand = compileNode(bound.operand);
      const op = bound.op;
      return (env) => {
        const fn = operand(env);
        return (row) => applyUnary(op, fn(row));
      };
    }
    case 'percent': {
      const operand = compileNode(bound.operand);
      return (env) => {
        const fn = operand(env);
        return (row) => applyPercent(fn(row));
      };
    }
    case 'binary':
      return compileBinary(bound);
    case 'call':
      return compileCall(bound);
    case 'invalid':
      return () => () => new ErrorValue('#NAME?');
  }
}

/** A blank read as a date: see compileBinary. */
const BLANK_DATE = new DateValue(0);

function compileBinary(bound: Extract<Bound, { kind: 'binary' }>): Maker {
  const op = bound.op;
  const apply = binaryFor(op);
  // Date arithmetic reads a blank of a date-typed operand as the date it stands for (serial 0, as Excel
  // and settled 3's date functions do), so the value has the type the checker gave it: TODAY()−{blank
  // date} is a number of days (date − date), {blank date}+5 a date (formulas/README.md).
  if ((op === '+' || op === '-') && (bound.left.type === 'date' || bound.right.type === 'date')) {
    const left = blankAsDate(bound.left);
    const right = blankAsDate(bound.right);
    return (env) => {
      const l = left(env);
      const r = right(env);
      return (row) => apply(l(row), r(row));
    };
  }
  const left = compileNode(bound.left);
  const right = compileNode(bound.right);
  const constant = bound.right.kind === 'literal' ? bound.right.value : undefined;
  const field = bound.left.kind === 'field' ? bound.left : undefined;
  return (env) => {
    // `{F} op literal` is the shape of most conditions; reading both directly saves two calls per row.
    // Traced runs keep the general shape so every operand appears in the trace.
    if (env.tracer === undefined && field !== undefined) {
      const values = env.values(field.tableId, field.fieldId);
      if (constant !== undefined) {
        const fused = typeof constant === 'number' ? fieldOpNumber(op, values, constant) : undefined;
        return fused ?? ((row) => apply(values[row] ?? null, constant));
      }
      const r = right(env);
      return (row) => apply(values[row] ?? null, r(row));
    }
    const l = left(env);
    if (constant !== undefined && env.tracer === undefined) return (row) => apply(l(row), constant);
    const r = right(env);
    return (row) => apply(l(row), r(row));
  };
}

function blankAsDate(bound: Bound): Maker {
  const make = compileNode(bound);
  if (bound.type !== 'date') return make;
  return (env) => {
    const fn = make(env);
    return (row) => fn(row) ?? BLANK_DATE;
  };
}

function compileCall(bound: Extract<Bound, { kind: 'call' }>): Maker {
  const def = bound.def;
  const argMakers = bound.args.map((arg): ((env: Env) => Arg) => {
    const inner = unwrapParens(arg);
    if (inner.kind === 'column') {
      const { tableId, fieldId, type } = inner;
      return (env) => ({ kind: 'column', type, column: env.column(tableId, fieldId, type) });
    }
    const make = compileNode(arg);
    const isReference = inner.kind === 'field';
    const type = arg.type;
    const shape = argShape(inner);
    // Value arguments stay lazy: the implementation calls eval only for what it needs (IF, IFS…).
    return (env) => ({ kind: 'value', type, isReference, eval: make(env), ...(env.tracer === undefined ? shape(env) : {}) });
  });
  return (env) => {
    const args = argMakers.map((make) => make(env));
    const ctx = env.ctx;
    const tracer = env.tracer;
    if (tracer !== undefined) {
      return (row) => tracer.run(bound, row, () => def.call(args, row, ctx), { args });
    }
    if (def.compile !== undefined) return def.compile(args, ctx);
    return (row) => def.call(args, row, ctx);
  };
}

/** What a compiled form may read of an argument directly: a literal's value, a `{F} op number` test. */
function argShape(inner: Bound): (env: Env) => { constant?: Value; comparison?: FieldComparison } {
  if (inner.kind === 'literal') {
    const constant = inner.value;
    return () => ({ constant });
  }
  if (inner.kind !== 'binary' || inner.left.kind !== 'field' || inner.right.kind !== 'literal') return () => ({});
  const { op, left } = inner;
  const constant = inner.right.value;
  if (typeof constant !== 'number' || (op !== '<' && op !== '<=' && op !== '>' && op !== '>=')) return () => ({});
  const greater = op === '>' || op === '>=';
  return (env) => ({ comparison: { values: env.values(left.tableId, left.fieldId), constant, greater } });
}

/** One row, with the never-throw and finite-number guarantees applied. */
export function safeRow(fn: (row: number) => Value, row: number): Value {
  let value: Value;
  try {
    value = fn(row);
  } catch (error) {
    // A bug in a function implementation must not take the whole column down: the cell says so.
    const text = error instanceof Error ? error.message : String(error);
    return new ErrorValue('#VALUE!', { 'zh-CN': `内部错误：${text}`, en: `Internal error: ${text}` });
  }
  return clean(value);
}

/** NaN and ±Infinity never escape (FORMULAS.md); a missing value is blank. */
export function clean(value: Value): Value {
  if (typeof value === 'number') return Number.isFinite(value) ? value : new ErrorValue('#NUM!');
  return value === undefined ? null : value;
}
