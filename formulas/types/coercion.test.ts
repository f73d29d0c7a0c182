import { describe, expect, test } from 'vitest';
import { DateValue, ErrorValue, type Value } from '../eval/values';
import { formatGeneral, numbersEqual, parseNumberText, round15, toBoolean, toNumber, toText } from './coercion';

const d = new DateValue(45322); // 2024-01-31
const e = new ErrorValue('#N/A');

// value → [number, text, boolean]; 'VALUE' stands for a #VALUE! error, e for itself.
const table: [string, Value, number | 'VALUE' | ErrorValue, string | ErrorValue, boolean | 'VALUE' | ErrorValue][] = [
  ['number', 2.5, 2.5, '2.5', true],
  ['zero', 0, 0, '0', false],
  ['date', d, 45322, '2024-01-31', true],
  ['numeric text', '3', 3, '3', 'VALUE'],
  ['text', 'abc', 'VALUE', 'abc', 'VALUE'],
  ['empty text', '', 'VALUE', '', 'VALUE'],
  ['"TRUE" text', 'true', 'VALUE', 'true', true],
  ['boolean', true, 1, 'TRUE', true],
  ['FALSE', false, 0, 'FALSE', false],
  ['blank', null, 0, '', false],
  ['error', e, e, e, e],
];

describe('the one coercion table', () => {
  test.each(table)('%s', (_, value, number, text, boolean) => {
    const n = toNumber(value);
    if (number === 'VALUE') expect(n).toMatchObject({ code: '#VALUE!' });
    else expect(n).toBe(number);
    expect(toText(value)).toBe(text);
    const b = toBoolean(value);
    if (boolean === 'VALUE') expect(b).toMatchObject({ code: '#VALUE!' });
    else expect(b).toBe(boolean);
  });
});

describe('number text', () => {
  test.each<[string, number | undefined]>([
    ['3', 3],
    [' -1.5 ', -1.5],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1,000', 1000],
    ['1,234,567.8', 1234567.8],
    ['1,00', undefined],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['50%', 0.5],
    ['$5', 5],
    ['¥1,200', 1200],
    ['2024-01-31', 45322],
    ['2024/1/31', 45322],
    ['2024年1月31日', 45322],
    ['1900-02-29', 60],
    ['', undefined],
    ['.', undefined],
    ['-', undefined],
    ['abc', undefined],
    ['1e999', undefined],
    ['0x10', undefined],
    ['Infinity', undefined],
  ])('%j', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });
});

describe('numbers as text and 15 significant digits (settled 5)', () => {
  test.each<[number, string]>([
    [1 / 3, '0.333333333333333'],
    [2 / 3, '0.666666666666667'],
    [0.1 + 0.2, '0.3'],
    [123456789012345, '123456789012345'],
    [1e15, '1E+15'],
    [Number('123456789012345678'), '1.23456789012346E+17'],
    [-1.5e-10, '-1.5E-10'],
    [0.000001, '0.000001'],
    [1e-9, '0.000000001'],
    [-0, '0'],
    [100, '100'],
    [1 / 30, '0.0333333333333333'],
  ])('%d', (n, text) => {
    expect(formatGeneral(n)).toBe(text);
  });

  test('equality at 15 digits', () => {
    expect(numbersEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(numbersEqual(1, 1 + 1e-15)).toBe(true);
    expect(numbersEqual(1, 1 + 1e-13)).toBe(false);
    expect(numbersEqual(1e20, 1e20 + 1e4)).toBe(true);
    expect(round15(45322)).toBe(45322);
  });
});
