// Fast paths for the commonest cell texts of big files: plain numbers and ISO dates. Each answers exactly what
// the one cell-text reader of common/ answers for the texts it accepts, and declines everything else.
import { MAX_SIGNIFICANT_DIGITS } from '../../../common';
import { serialFromValidParts } from '../../../formulas/eval/dates';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;
const COLON = 58;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * `-?\d+(\.\d+)?`: 1 when it is a plain number, whose value is Number(s); 2 when it is a code readNumberText
 * refuses (a leading zero, "0123", or over 15 significant integer digits); 0 for any other text (the caller then asks
 * readNumberText).
 */
export function plainNumberForm(s: string): 0 | 1 | 2 {
  const n = s.length;
  let i = s.charCodeAt(0) === MINUS ? 1 : 0;
  const digitsFrom = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const digits = i - digitsFrom;
  if (digits === 0) return 0;
  let form: 1 | 2 = digits > 1 && s.charCodeAt(digitsFrom) === ZERO ? 2 : 1;
  if (form === 1 && digits > MAX_SIGNIFICANT_DIGITS) {
    // Trailing zeros are not significant: 1000000000000000 is a number, 110101199058202938 a code.
    let end = i;
    while (s.charCodeAt(end - 1) === ZERO) end--;
    if (end - digitsFrom > MAX_SIGNIFICANT_DIGITS) form = 2;
  }
  if (i === n) return form;
  if (s.charCodeAt(i) !== DOT) return 0;
  const fractionFrom = ++i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i === n && i > fractionFrom ? form : 0;
}

function digitsAt(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

/** " HH:MM" or " HH:MM:SS" (or with T) from position 10. */
function isShortTime(s: string): boolean {
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return false;
  if (digitsAt(s, 11, 2) < 0 || s.charCodeAt(13) !== COLON || digitsAt(s, 14, 2) < 0) return false;
  return s.length === 16 || (s.length === 19 && s.charCodeAt(16) === COLON && digitsAt(s, 17, 2) >= 0);
}

/**
 * "YYYY-MM-DD", optionally with " HH:MM[:SS]": 1 for a date, 2 for a date with a time, 0 when the text is not
 * in this form or not a valid date (the caller then asks readDateText).
 */
export function isoDateForm(s: string): 0 | 1 | 2 {
  const n = s.length;
  if (n !== 10 && n !== 16 && n !== 19) return 0;
  if (s.charCodeAt(4) !== MINUS || s.charCodeAt(7) !== MINUS) return 0;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || m < 0 || d < 0 || serialFromValidParts(y, m, d) === undefined) return 0;
  if (n === 10) return 1;
  return isShortTime(s) ? 2 : 0;
}

/** False when the text has an ASCII character no number text has (readNumberText would say no, only slower). */
export function mayBeNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Digits . - + , space % $ ( ) E e
    if (isDigit(c) || c === DOT || c === MINUS || c === 43 || c === 44 || c === 32 || c === 37 || c === 36 || c === 40 || c === 41 || c === 69 || c === 101) continue;
    // Spaces, and anything beyond ASCII (currency signs, Unicode spaces): the parser decides.
    if (c <= 32 || c >= 128) continue;
    return false;
  }
  return true;
}
