// The fast paths must agree with the general parsers of rows/cells.ts on every text they accept.
import { describe, expect, it } from 'vitest';
import { parseDateText, parseNumberText } from '../rows/cells';
import { isoDateForm, isPlainNumber, mayBeNumber } from './fast-parse';

const NUMBERS = ['0', '-0', '12', '-12.5', '1.', '.5', '1e3', '1,200', '¥300', '12%', '+1', '--1', '1.2.3', '', '-', '007', 'x1', '1 2', '９'];
const DATES = ['2024-01-05', '2024-1-5', '2024-02-29', '2023-02-29', '1900-02-29', '1899-12-31', '2024-13-01', '2024-01-05 10:30', '2024-01-05T10:30:15', '2024-01-05 10:3', '2024-01-05 1030', '2024/01/05', 'abcd-ef-gh'];

describe('fast parse', () => {
  it('reads plain numbers as parseNumberText does, and never refuses a number', () => {
    for (const t of NUMBERS) {
      if (isPlainNumber(t)) expect(Number(t), t).toBe(parseNumberText(t));
      if (parseNumberText(t) !== undefined) expect(mayBeNumber(t), t).toBe(true);
    }
    expect(['12', '-12.5'].every(isPlainNumber)).toBe(true);
    expect(['1.', '.5', '1e3', '1,200', '+1', '-', ''].some(isPlainNumber)).toBe(false);
    expect(mayBeNumber('2010-12-01 08:26')).toBe(false);
    expect(mayBeNumber('85123A')).toBe(false);
  });

  it('reads ISO dates as parseDateText does', () => {
    for (const t of DATES) {
      const form = isoDateForm(t);
      const slow = parseDateText(t);
      if (form !== 0) expect({ iso: t.slice(0, 10), hadTime: form === 2 }, t).toEqual(slow);
    }
    expect(DATES.map(isoDateForm)).toEqual([1, 0, 1, 0, 1, 0, 0, 2, 2, 0, 0, 0, 0]);
  });
});
