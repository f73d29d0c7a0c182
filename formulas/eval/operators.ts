// Operators with Excel's semantics (FORMULAS.md "Values", settled 3, 4, 5).
// Errors propagate left operand first; text numbers are read as numbers; a date ± a number is a date.
import { compareNumbers, toNumber, toText } from '../types/coercion';
import { DIV0, MAX_TEXT, NUM, TOO_LONG } from './errors';
import { MAX_SERIAL } from './dates';
import { DateValue, ErrorValue, type Value } from './values';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';
export type UnaryOp = '-' | '+';

/** Numbers: ±Infinity and NaN never escape (settled 4). */
export function finite(n: number): number | ErrorValue {
  return Number.isFinite(n) ? n : NUM;
}

/** A date result, or #NUM! when it falls outside Excel's calendar (Excel shows #####). */
export function dateResult(serial: number): DateValue | ErrorValue {
  return Number.isFinite(serial) && serial >= 0 && serial < MAX_SERIAL + 1 ? new DateValue(serial) : NUM;
}

/** Excel's `^`: 0^0 is #NUM!, 0^negative is #DIV/0!, a negative base with a fractional power is #NUM!. */
export function power(base: number, exponent: number): number | ErrorValue {
  if (base === 0) {
    if (exponent === 0) return NUM;
    if (exponent < 0) return DIV0;
  }
  return finite(Math.pow(base, exponent));
}

/** Order of types in comparisons: numbers < text < booleans (Excel). */
function typeRank(value: number | string | boolean): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

type Plain = number | string | boolean | null;

function plain(value: Exclude<Value, ErrorValue>): Plain {
  return value instanceof DateValue ? value.serial : value;
}

/** A blank compares as the other side's empty value: 0, "" or FALSE (Excel). */
function blankLike(other: Plain): number | string | boolean {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

/** Case-insensitive text order (Excel); code-unit order of the lower-cased text. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** -1, 0 or 1 as Excel's comparison operators see the two values; an error operand is returned, left first. */
export function compareValues(left: Value, right: Value): number | ErrorValue {
  if (left instanceof ErrorValue) return left;
  if (right instanceof ErrorValue) return right;
  let a = plain(left);
  let b = plain(right);
  if (a === null && b === null) return 0;
  if (a === null) a = blankLike(b);
  if (b === null) b = blankLike(a);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return a === b ? 0 : a ? 1 : -1;
}

function arithmetic(op: '+' | '-' | '*' | '/' | '^', left: Value, right: Value): Value {
  if (left instanceof ErrorValue) return left;
  if (right instanceof ErrorValue) return right;
  const a = toNumber(left);
  if (a instanceof ErrorValue) return a;
  const b = toNumber(right);
  if (b instanceof ErrorValue) return b;
  const leftDate = left instanceof DateValue;
  const rightDate = right instanceof DateValue;
  switch (op) {
    case '+':
      // date + n and n + date are dates; date + date is just a number.
      return leftDate !== rightDate ? dateResult(a + b) : finite(a + b);
    case '-':
      return leftDate && !rightDate ? dateResult(a - b) : finite(a - b);
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? DIV0 : finite(a / b);
    case '^':
      return power(a, b);
  }
}

/** Appends text, refusing results longer than 32,767 characters before building them. */
export function concatText(parts: readonly string[]): string | ErrorValue {
  let length = 0;
  for (const p of parts) {
    length += p.length;
    if (length > MAX_TEXT) return TOO_LONG;
  }
  return parts.join('');
}

/** Excel semantics: coercion, error propagation, date arithmetic, 15-digit comparison. Never throws. */
export function applyBinary(op: BinaryOp, left: Value, right: Value): Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
      return arithmetic(op, left, right);
    case '&': {
      const a = toText(left);
      if (a instanceof ErrorValue) return a;
      const b = toText(right);
      if (b instanceof ErrorValue) return b;
      return concatText([a, b]);
    }
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const c = compareValues(left, right);
      if (c instanceof ErrorValue) return c;
      return comparisonHolds(op, c);
    }
  }
}

export function comparisonHolds(op: '=' | '<>' | '<' | '>' | '<=' | '>=', c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
}

export function applyUnary(op: UnaryOp, operand: Value): Value {
  switch (op) {
    case '+':
      // Excel's unary plus changes nothing, not even text: =+"a" is "a".
      return operand;
    case '-': {
      const n = toNumber(operand);
      if (n instanceof ErrorValue) return n;
      return n === 0 ? 0 : -n;
    }
  }
}

/** Postfix %: divides by 100. */
export function applyPercent(operand: Value): Value {
  const n = toNumber(operand);
  if (n instanceof ErrorValue) return n;
  return finite(n / 100);
}
