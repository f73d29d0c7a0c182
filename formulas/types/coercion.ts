// The ONE coercion table of the language (FORMULAS.md "Values"; Excel's rules):
//
// | from \ to | number                      | text                     | boolean                    |
// | --------- | --------------------------- | ------------------------ | -------------------------- |
// | number    | itself                      | 15 significant digits    | ≠ 0                        |
// | date      | its serial                  | "YYYY-MM-DD" (settled 3) | serial ≠ 0                 |
// | text      | "3", "1,000", "50%", dates  | itself                   | "TRUE"/"FALSE" (any case)  |
// |           | else #VALUE!                |                          | else #VALUE!               |
// | boolean   | 1 / 0                       | "TRUE" / "FALSE"         | itself                     |
// | blank     | 0                           | ""                       | FALSE                      |
// | error     | itself                      | itself                   | itself                     |
import { notABoolean, notANumber } from '../eval/errors';
import { isoFromSerial, serialFromDateText } from '../eval/dates';
import { DateValue, ErrorValue, type Value } from '../eval/values';

/**
 * Rounds to 15 significant digits, as Excel compares and prints numbers (settled 5).
 * Integers below 1e15 are already exact, which keeps ids and dates off the slow path.
 */
export function round15(n: number): number {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n;
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

/**
 * Math.floor(round15(n)), without round15's text round trip when n is clearly not just below an integer
 * (only then can rounding to 15 digits carry it up to the next one): NTILE computes this on every row.
 */
export function floor15(n: number): number {
  const f = Math.floor(n);
  return f + 1 - n > 1e-9 * Math.max(1, Math.abs(n)) ? f : Math.floor(round15(n));
}

/** Equality at 15 significant digits; a cheap test first because most pairs differ a lot. */
export function numbersEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > scale * 1e-13) return false;
  return round15(a) === round15(b);
}

/** -1, 0, 1 with equality at 15 significant digits. */
export function compareNumbers(a: number, b: number): number {
  if (numbersEqual(a, b)) return 0;
  return a < b ? -1 : 1;
}

function trimMantissa(m: string): string {
  return m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
}

/**
 * A number as Excel's General format turns it into text with `&`, CONCAT, TEXT(…,"General"):
 * at most 15 significant digits, scientific notation ("1.23456789012346E+17", "1E-10") for very
 * large or very small magnitudes. Never "-0".
 */
export function formatGeneral(n: number): string {
  if (n === 0 || Object.is(n, -0)) return '0';
  const r = round15(n);
  // The exponent from toExponential, not Math.log10, which can be off by one near powers of ten.
  const [mantissa = '0', exp = '0'] = r.toExponential(14).split('e');
  const exponent = Number(exp);
  if (exponent >= 15 || exponent < -9) {
    const e = exponent;
    const sign = e < 0 ? '-' : '+';
    return `${trimMantissa(mantissa)}E${sign}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  // toFixed with enough decimals for 15 significant digits, then drop trailing zeros.
  const decimals = Math.max(0, Math.min(100, 14 - exponent));
  return trimMantissa(r.toFixed(decimals));
}

const NUMBER_TEXT = /^([+-]?)(?:\$|¥|￥)?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/;

/**
 * Text that Excel reads as a number: "3", " -1.5 ", "1,000", "1e3", "50%", "$5", and date text
 * (DATEVALUE forms) as its serial. Undefined when it is not a number.
 */
export function parseNumberText(text: string): number | undefined {
  // Most text (names, ids like "C123") cannot be a number: decide on the first character, no regex.
  const first = text.charCodeAt(0);
  const maybe =
    (first >= 48 && first <= 57) || first === 32 || first === 43 || first === 45 || first === 46 ||
    first === 36 || first === 165 || first === 0xffe5 || first === 9 || first === 10 || first === 13;
  if (!maybe) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  const m = NUMBER_TEXT.exec(t);
  if (m) {
    const intPart = (m[2] ?? '').replace(/,/g, '');
    const frac = m[3] ?? '';
    if (intPart === '' && frac.length <= 1) return undefined; // "", ".", "-" are not numbers
    let value = Number(`${intPart === '' ? '0' : intPart}${frac === '.' ? '' : frac}${m[4] === undefined ? '' : `e${m[4]}`}`);
    if (m[5] === '%') value /= 100;
    if (m[1] === '-') value = -value;
    return Number.isFinite(value) ? value : undefined;
  }
  return serialFromDateText(t);
}

export function toNumber(value: Value): number | ErrorValue {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const n = parseNumberText(value);
    return n === undefined ? notANumber(value) : n;
  }
  if (value instanceof DateValue) return value.serial;
  return value;
}

export function toText(value: Value): string | ErrorValue {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGeneral(value);
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof DateValue) return isoFromSerial(value.serial);
  return value;
}

export function toBoolean(value: Value): boolean | ErrorValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === null) return false;
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    return notABoolean(value);
  }
  if (value instanceof DateValue) return value.serial !== 0;
  return value;
}

/** A number read through a reference (settled 1): numbers and dates count, everything else is skipped. */
export function referencedNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof DateValue) return value.serial;
  return undefined;
}

export function isErrorValue(value: Value): value is ErrorValue {
  return value instanceof ErrorValue;
}
