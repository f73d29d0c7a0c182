// The fast paths must agree with the one cell-text reader of common/ on every text they accept.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readDateText, readNumberText } from '../../../common';
import { isoDateForm, mayBeNumber, plainNumberForm } from './fast-parse';

const NUMBERS = [
  '0', '-0', '12', '-12.5', '0.5', '1.', '.5', '1e3', '1,200', '¥300', '12%', '+1', '--1', '1.2.3', '', '-', '007', '-01', 'x1', '1 2', '９',
  '(12)', '€5', '１２３', '100元', '1.2万', '123456789012345', '1234567890123456', '110101199058202938', '1000000000000000',
  '-1234567890123450000', '12345678901234500000',
];
const DATES = ['2024-01-05', '2024-1-5', '2024-02-29', '2023-02-29', '1900-02-29', '1899-12-31', '2024-13-01', '2024-01-05 10:30', '2024-01-05T10:30:15', '2024-01-05 10:3', '2024-01-05 1030', '2024/01/05', 'abcd-ef-gh'];

describe('fast parse', () => {
  it('reads plain numbers as readNumberText does, and never refuses a number', () => {
    for (const t of NUMBERS) {
      const form = plainNumberForm(t);
      if (form === 1) expect(Number(t), t).toBe(readNumberText(t));
      if (form === 2) expect(['leadingZero', 'tooManyDigits'], t).toContain(readNumberText(t));
      if (typeof readNumberText(t) === 'number') expect(mayBeNumber(t), t).toBe(true);
    }
    expect(['12', '-12.5', '0', '0.5', '123456789012345', '1000000000000000'].map(plainNumberForm)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(['007', '-01', '1234567890123456', '110101199058202938', '00.5'].map(plainNumberForm)).toEqual([2, 2, 2, 2, 2]);
    expect(['1.', '.5', '1e3', '1,200', '+1', '-', '', '(12)', '0x1'].map(plainNumberForm)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(mayBeNumber('2010-12-01 08:26')).toBe(false);
    expect(mayBeNumber('85123A')).toBe(false);
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'00123456789-.,e%( '), maxLength: 20 })])('agrees with readNumberText on any short number-like text', (t) => {
    const form = plainNumberForm(t);
    const slow = readNumberText(t);
    if (form === 1) expect(slow).toBe(Number(t));
    if (form === 2) expect(typeof slow).toBe('string');
    if (typeof slow === 'number') expect(mayBeNumber(t)).toBe(true);
  });

  it('reads ISO dates as readDateText does', () => {
    for (const t of DATES) {
      const form = isoDateForm(t);
      const slow = readDateText(t);
      if (form !== 0) expect({ iso: t.slice(0, 10), hadTime: form === 2 }, t).toEqual(slow);
    }
    expect(DATES.map(isoDateForm)).toEqual([1, 0, 1, 0, 1, 0, 0, 2, 2, 0, 0, 0, 0]);
  });
});
