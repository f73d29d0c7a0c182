import { describe, expect, test } from 'vitest';
import { applyBinary, applyPercent, applyUnary, type BinaryOp } from './operators';
import { DateValue, ErrorValue, type Value } from './values';

const d = (serial: number): DateValue => new DateValue(serial);
const na = new ErrorValue('#N/A');
const div = new ErrorValue('#DIV/0!');

const cases: [Value, BinaryOp, Value, Value | string][] = [
  // arithmetic with coercion
  [1, '+', '2', 3],
  [1, '+', null, 1],
  [true, '*', 3, 3],
  ['a', '+', 1, '#VALUE!'],
  ['', '+', 1, '#VALUE!'],
  [1, '/', 0, '#DIV/0!'],
  [null, '/', null, '#DIV/0!'],
  [0, '^', 0, '#NUM!'], // settled 4
  [0, '^', -1, '#DIV/0!'],
  [-8, '^', 1 / 3, '#NUM!'],
  [10, '^', 400, '#NUM!'],
  [-2, '^', 2, 4],
  [1e308, '*', 10, '#NUM!'],
  // errors: left first
  [na, '+', div, '#N/A'],
  [1, '+', div, '#DIV/0!'],
  ['a', '+', div, '#DIV/0!'], // an error operand wins over a coercion failure
  [na, '=', div, '#N/A'],
  [na, '&', div, '#N/A'],
  // dates (settled 3)
  [d(45322), '+', 1, d(45323)],
  [1, '+', d(45322), d(45323)],
  [d(45322), '-', 1, d(45321)],
  [d(45322), '-', d(45300), 22],
  [d(45322), '+', d(1), 45323],
  [d(45322), '*', 1, 45322],
  [d(45322), '-', 50000, '#NUM!'],
  [d(45322), '+', '2', d(45324)],
  // text
  [1 / 3, '&', '', '0.333333333333333'],
  [d(45322), '&', '!', '2024-01-31!'],
  [true, '&', null, 'TRUE'],
  // comparison
  [0.1 + 0.2, '=', 0.3, true],
  ['abc', '=', 'ABC', true],
  ['a', '<', 'B', true],
  [1, '<', 'a', true], // numbers < text < booleans
  ['z', '<', false, true],
  [99, '>', true, false],
  ['1', '=', 1, false],
  [null, '=', 0, true],
  [null, '=', '', true],
  [null, '=', false, true],
  [null, '<', 1, true],
  [null, '=', null, true],
  ['', '=', 0, false],
  [d(45322), '=', 45322, true],
  [d(45322), '>', 45000, true],
  [2, '<>', 3, true],
  [2, '>=', 2, true],
  [2, '<=', 1, false],
];

describe('applyBinary', () => {
  test.each(cases)('%o %s %o', (left, op, right, expected) => {
    const actual = applyBinary(op, left, right);
    if (typeof expected === 'string' && expected.startsWith('#')) expect(actual).toMatchObject({ code: expected });
    else expect(actual).toEqual(expected);
  });

  test('& refuses text over 32,767 characters', () => {
    expect(applyBinary('&', 'x'.repeat(32767), '')).toHaveLength(32767);
    expect(applyBinary('&', 'x'.repeat(32767), 'y')).toMatchObject({ code: '#VALUE!' });
  });
});

describe('unary and percent', () => {
  test.each<[Value, Value | string]>([
    [2, -2],
    ['3', -3],
    [d(10), -10],
    [null, 0],
    ['x', '#VALUE!'],
    [na, '#N/A'],
  ])('-%o', (operand, expected) => {
    const actual = applyUnary('-', operand);
    if (typeof expected === 'string') expect(actual).toMatchObject({ code: expected });
    else expect(actual).toEqual(expected);
  });

  test('unary plus changes nothing (Excel)', () => {
    expect(applyUnary('+', 'x')).toBe('x');
    expect(applyUnary('+', null)).toBe(null);
  });

  test('percent', () => {
    expect(applyPercent(50)).toBe(0.5);
    expect(applyPercent('50')).toBe(0.5);
    expect(applyPercent('x')).toMatchObject({ code: '#VALUE!' });
  });
});
