// Excel criteria as SUMIFS, COUNTIFS, AVERAGEIFS, MAXIFS, MINIFS and COUNTUNIQUEIFS read them:
//   5, TRUE, a date     equal to that value (a blank criterion is 0, as Excel's docs say)
//   "=x" "<>x"          equal / not equal; text case-insensitive; * ? wildcards, ~ escapes them
//   "<5" ">=2024-01-01" numeric order; only numbers and dates match (never text, even "3")
//   "<b"                text order; only text matches
//   "=" / "" / "<>"     blank only / blank or empty text / anything not blank
// Equality on numbers also matches numeric text ("5" matches 5, as Excel's COUNTIF does).
import { compareNumbers, parseNumberText, round15 } from '../types/coercion';
import { compareText, comparisonHolds } from './operators';
import { DateValue, ErrorValue, type Value } from './values';
import { compileWildcard, wildcardMatches, type Wildcard } from './wildcards';

/** What an equality criterion compares: numbers at 15 digits, text lower-cased, booleans. Hashable. */
export type MatchKey = number | string | boolean;

export type RangeOp = '<' | '<=' | '>' | '>=';

export type Criterion =
  | { readonly kind: 'eq'; readonly key: MatchKey }
  | { readonly kind: 'ne'; readonly key: MatchKey }
  | { readonly kind: 'range'; readonly op: RangeOp; readonly value: number }
  | { readonly kind: 'textRange'; readonly op: RangeOp; readonly text: string }
  | { readonly kind: 'boolRange'; readonly op: RangeOp; readonly value: boolean }
  | { readonly kind: 'pattern'; readonly pattern: Wildcard; readonly source: string; readonly negate: boolean }
  | { readonly kind: 'blank' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'nonBlank' };

/** The equality key of a cell, or undefined for blanks and errors (which equal nothing). */
export function cellKey(value: Value): MatchKey | undefined {
  if (typeof value === 'number') return round15(value);
  if (typeof value === 'string') {
    const n = value === '' ? undefined : parseNumberText(value);
    return n === undefined ? value.toLowerCase() : round15(n);
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof DateValue) return round15(value.serial);
  return undefined;
}

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;

function hasWildcard(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '~') i++;
    else if (c === '*' || c === '?') return true;
  }
  return false;
}

/** Removes ~ escapes: "~*" → "*", "~?" → "?", "~~" → "~"; any other ~ stays. */
function unescape(text: string): string {
  return text.replace(/~([*?~])/g, '$1');
}

function booleanText(text: string): boolean | undefined {
  const upper = text.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
}

/** Parses a criterion value. Errors are returned as they are (the caller propagates them). */
export function parseCriterion(value: Value): Criterion | ErrorValue {
  if (value instanceof ErrorValue) return value;
  if (value === null) return { kind: 'eq', key: 0 };
  if (typeof value !== 'string') {
    const key = cellKey(value);
    return key === undefined ? { kind: 'eq', key: 0 } : { kind: 'eq', key };
  }
  const m = OPERATOR.exec(value);
  const op = m?.[1] as '<=' | '>=' | '<>' | '<' | '>' | '=' | undefined;
  const operand = m?.[2] ?? '';
  if (operand === '') {
    if (op === undefined) return { kind: 'empty' };
    if (op === '=') return { kind: 'blank' };
    if (op === '<>') return { kind: 'nonBlank' };
    return { kind: 'textRange', op, text: '' };
  }
  const number = parseNumberText(operand);
  const bool = booleanText(operand);
  if (op === undefined || op === '=' || op === '<>') {
    const negate = op === '<>';
    if (number === undefined && bool === undefined && hasWildcard(operand)) {
      return { kind: 'pattern', pattern: compileWildcard(operand), source: operand, negate };
    }
    const key: MatchKey = number !== undefined ? round15(number) : bool ?? unescape(operand).toLowerCase();
    return negate ? { kind: 'ne', key } : { kind: 'eq', key };
  }
  if (number !== undefined) return { kind: 'range', op, value: round15(number) };
  if (bool !== undefined) return { kind: 'boolRange', op, value: bool };
  return { kind: 'textRange', op, text: operand };
}

/** Does one cell meet the criterion? */
export function matches(criterion: Criterion, cell: Value): boolean {
  switch (criterion.kind) {
    case 'eq':
      return cellKey(cell) === criterion.key;
    case 'ne':
      return cellKey(cell) !== criterion.key;
    case 'range': {
      const n = typeof cell === 'number' ? cell : cell instanceof DateValue ? cell.serial : undefined;
      return n !== undefined && comparisonHolds(criterion.op, compareNumbers(n, criterion.value));
    }
    case 'textRange':
      return typeof cell === 'string' && comparisonHolds(criterion.op, compareText(cell, criterion.text));
    case 'boolRange':
      return typeof cell === 'boolean' && comparisonHolds(criterion.op, Number(cell) - Number(criterion.value));
    case 'pattern':
      return (typeof cell === 'string' && wildcardMatches(criterion.pattern, cell)) !== criterion.negate;
    case 'blank':
      return cell === null;
    case 'empty':
      return cell === null || cell === '';
    case 'nonBlank':
      return cell !== null;
  }
}
