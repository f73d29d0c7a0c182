// Number text as Excel and WPS read it when typed into a cell. Anything not in this grammar is refused, never
// guessed at: a refused cell keeps its old value and the user is told why.
import { halfWidth } from './half-width';

export type NumberRefusal = 'notNumber' | 'leadingZero' | 'tooManyDigits';

/** The most significant digits of an integer part a number holds exactly (Excel keeps 15). */
export const MAX_SIGNIFICANT_DIGITS = 15;

/**
 * After half-width and trim: `(` sign `¥ $ € £ ￥` sign digits (groups of three, or none) `.` digits `e±n`
 * `% 万 亿` `元` `)`. The combinations the grammar cannot rule out alone are checked in readNumberText.
 */
const NUMBER_FORM =
  /^(\()?\s*([+-])?(?:([$¥￥€£])\s*([+-])?)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(?:e([+-]?\d+))?\s*(%|万|亿)?\s*(元)?\s*(\))?$/i;

/** Powers of ten of the units: the decimal point is moved in the text, so 1.5% is 0.015 with no float noise. */
const UNIT_SHIFT: Readonly<Record<string, number>> = { '%': -2, 万: 4, 亿: 8 };

/** Digits of an integer without its trailing zeros (it has no leading zero). */
function significantLength(integer: string): number {
  let end = integer.length;
  while (end > 1 && integer.charCodeAt(end - 1) === 48) end--;
  return end;
}

/**
 * "1,234.5", "-3", "+3", "1e3", "12%", "1.2万", "3亿", "¥1,234.50", "$-3", "100元", "1.2万元", "(12)" (−12),
 * "１２３", " 5 " → the number; else why not: not a number at all, a digit string with a leading zero ("0123",
 * a code), or an integer part of more than 15 significant digits ("110101199058202938", which no number holds
 * exactly; trailing zeros do not count: 1000000000000000 is held exactly).
 */
export function readNumberText(text: string): number | NumberRefusal {
  const m = NUMBER_FORM.exec(halfWidth(text).trim());
  if (!m) return 'notNumber';
  // Read by index, not destructured: this runs for every such cell of an import (a third less time per cell).
  const open = m[1];
  const sign = m[2];
  const currency = m[3];
  const signAfterCurrency = m[4];
  const grouped = m[5] ?? '';
  const fraction = m[6] ?? '';
  const exponent = m[7];
  const unit = m[8];
  const yuan = m[9];
  const close = m[10];
  const parenthesized = open !== undefined;
  if (parenthesized !== (close !== undefined)) return 'notNumber';
  if (parenthesized && (sign !== undefined || signAfterCurrency !== undefined)) return 'notNumber';
  if (sign !== undefined && signAfterCurrency !== undefined) return 'notNumber';
  if (currency !== undefined && yuan !== undefined) return 'notNumber';
  if (unit === '%' && (currency !== undefined || yuan !== undefined)) return 'notNumber';
  const hasGroups = grouped.includes(',');
  const integer = hasGroups ? grouped.replaceAll(',', '') : grouped;
  if (integer === '' && fraction === '') return 'notNumber';
  if (integer.length > 1 && integer.charCodeAt(0) === 48) return hasGroups ? 'notNumber' : 'leadingZero';
  if (integer.length > MAX_SIGNIFICANT_DIGITS && significantLength(integer) > MAX_SIGNIFICANT_DIGITS) return 'tooManyDigits';
  const shift = (exponent === undefined ? 0 : Number(exponent)) + (unit === undefined ? 0 : (UNIT_SHIFT[unit] ?? 0));
  const magnitude = Number(`${integer === '' ? '0' : integer}.${fraction === '' ? '0' : fraction}e${shift}`);
  if (!Number.isFinite(magnitude)) return 'notNumber';
  // Too small to hold (1e-400): zero would silently change it.
  if (magnitude === 0 && /[1-9]/.test(integer + fraction)) return 'notNumber';
  return parenthesized || sign === '-' || signAfterCurrency === '-' ? -magnitude : magnitude;
}
