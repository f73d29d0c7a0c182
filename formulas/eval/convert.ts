// Run-time values ↔ the JSON forms of FORMULAS.md "Values".
import { DEFAULT_MESSAGES, MAX_TEXT, NUM, TOO_LONG } from './errors';
import { isoFromSerial, isValidSerial, serialFromIso } from './dates';
import { DateValue, ErrorValue, type CellValue, type ErrorCode, type StaticType, type Value } from './values';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  '#DIV/0!',
  '#VALUE!',
  '#NAME?',
  '#REF!',
  '#NUM!',
  '#N/A',
  '#CYCLE!',
]);

function errorCell(error: ErrorValue, language: 'zh-CN' | 'en'): CellValue {
  const message = error.message?.[language] ?? DEFAULT_MESSAGES[error.code][language];
  return { error: error.code, message };
}

/** An unpaired UTF-16 surrogate: in a `u` regex a well-formed pair is one code point, so only lone halves match. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text as it can be stored and sent: LEFT, MID and RIGHT count UTF-16 units (as Excel does) and may cut an emoji in
 * half; UTF-8 (the database, JSON) cannot hold the half, so it becomes U+FFFD here, once, not differently in each.
 */
function wellFormed(text: string): string {
  return LONE_SURROGATE.test(text) ? text.replace(/\p{Cs}/gu, '\uFFFD') : text;
}

/**
 * Value → JSON form of API.md: dates "YYYY-MM-DD", errors {error, message}, NaN/Infinity → #NUM!, a lone surrogate
 * in text → U+FFFD.
 */
export function toCellValue(value: Value, language: 'zh-CN' | 'en' = 'en'): CellValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return errorCell(NUM, language);
    return value === 0 ? 0 : value; // never -0 in JSON
  }
  if (typeof value === 'string') return value.length > MAX_TEXT ? errorCell(TOO_LONG, language) : wellFormed(value);
  if (value instanceof DateValue) {
    // A date outside Excel's calendar would print as ##### in Excel: an error here.
    return isValidSerial(value.serial) ? isoFromSerial(value.serial) : errorCell(NUM, language);
  }
  return errorCell(value, language);
}

function isErrorObject(cell: object): cell is { error: ErrorCode; message?: string } {
  const code = (cell as { error?: unknown }).error;
  return typeof code === 'string' && ERROR_CODES.has(code);
}

/** A stored cell (JSON form) of a field of the given type → run-time Value ("YYYY-MM-DD" in a date field → DateValue). */
export function fromCellValue(cell: CellValue | undefined, fieldType: StaticType): Value {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'object') {
    if (!isErrorObject(cell)) return new ErrorValue('#VALUE!');
    const message = cell.message;
    return new ErrorValue(cell.error, message === undefined ? undefined : { en: message, 'zh-CN': message });
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NUM;
  if (typeof cell === 'string' && (fieldType === 'date' || fieldType === 'mixed')) {
    // In a date field every "YYYY-MM-DD" is a date; in a mixed column only well-formed ISO days are.
    const serial = serialFromIso(cell);
    if (serial !== undefined) return new DateValue(serial);
  }
  return cell;
}
