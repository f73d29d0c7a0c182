// Number-with-number fast paths for the operators, which dominate per-row cost (a generic applyBinary
// call costs ~100 ns; IFS value tiers must stay within 3× of a hand-written loop). Each path only answers
// when the answer is certain under Excel's rules and otherwise defers to applyBinary, so operators.ts
// stays the one definition of the semantics.

import { MAX_TEXT } from './errors';
import { applyBinary, type BinaryOp } from './operators';
import type { Value } from './values';

type Binary = (left: Value, right: Value) => Value;

/**
 * Two numbers further apart than 1e-13 of their magnitude differ at 15 significant digits, so their order
 * is plain JS order; closer pairs (and equal ones) go to applyBinary for Excel's 15-digit equality.
 */
function clearlyApart(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-13 * Math.max(Math.abs(a), Math.abs(b));
}

export function binaryFor(op: BinaryOp): Binary {
  switch (op) {
    case '+':
      return (l, r) => {
        if (typeof l === 'number' && typeof r === 'number') {
          const v = l + r;
          if (Number.isFinite(v)) return v;
        }
        return applyBinary('+', l, r);
      };
    case '-':
      return (l, r) => {
        if (typeof l === 'number' && typeof r === 'number') {
          const v = l - r;
          if (Number.isFinite(v)) return v;
        }
        return applyBinary('-', l, r);
      };
    case '*':
      return (l, r) => {
        if (typeof l === 'number' && typeof r === 'number') {
          const v = l * r;
          if (Number.isFinite(v)) return v;
        }
        return applyBinary('*', l, r);
      };
    case '/':
      return (l, r) => {
        if (typeof l === 'number' && typeof r === 'number' && r !== 0) {
          const v = l / r;
          if (Number.isFinite(v)) return v;
        }
        return applyBinary('/', l, r);
      };
    case '<':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? l < r : applyBinary('<', l, r));
    case '>':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? l > r : applyBinary('>', l, r));
    case '<=':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? l < r : applyBinary('<=', l, r));
    case '>=':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? l > r : applyBinary('>=', l, r));
    case '=':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? false : applyBinary('=', l, r));
    case '<>':
      return (l, r) => (typeof l === 'number' && typeof r === 'number' && clearlyApart(l, r) ? true : applyBinary('<>', l, r));
    case '&':
      // Two texts within the length limit: plain concatenation (segment codes like "H"&"L"&"H").
      return (l, r) => (typeof l === 'string' && typeof r === 'string' && l.length + r.length <= MAX_TEXT ? l + r : applyBinary('&', l, r));
    case '^':
      return (l, r) => applyBinary(op, l, r);
  }
}

/**
 * `{F} op number` read straight from the column: the most common shape of a condition (IFS value tiers),
 * with no call per operator. Same guarantee as binaryFor: anything not certain goes to applyBinary.
 */
export function fieldOpNumber(op: BinaryOp, values: readonly Value[], constant: number): ((row: number) => Value) | undefined {
  const scale = Math.abs(constant);
  switch (op) {
    case '>=':
    case '>':
    case '<=':
    case '<': {
      const greater = op === '>=' || op === '>';
      return (row) => {
        const v = values[row];
        if (typeof v === 'number') {
          const d = v - constant;
          // Clearly apart (see clearlyApart): plain order decides; near-equal goes the careful way.
          if (Math.abs(d) > 1e-13 * (Math.abs(v) > scale ? Math.abs(v) : scale)) return greater ? d > 0 : d < 0;
        }
        return applyBinary(op, v ?? null, constant);
      };
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
    case '&':
    case '=':
    case '<>':
      return undefined;
  }
}
