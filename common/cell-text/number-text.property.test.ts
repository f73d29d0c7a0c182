import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MAX_SIGNIFICANT_DIGITS, readNumberText } from './number-text';

/** Significant digits of the integer part of a printed number (String() prints 1e21 and up with an exponent). */
const integerDigits = (printed: string): number => (/^-?(\d+)(?![\d.]*e)/.exec(printed)?.[1] ?? '').replace(/^0+|0+$/g, '').length;

/** Doubles whose shortest printing has at most 15 significant integer digits: those a number holds exactly. */
const printable = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => integerDigits(String(n)) <= MAX_SIGNIFICANT_DIGITS);

/** A decimal as a spreadsheet user writes it: up to 15 integer digits (no leading zero), up to 8 decimals. */
const decimal = fc.record({
  negative: fc.boolean(),
  integer: fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }).map(String)),
  fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 }),
});
type Decimal = { negative: boolean; integer: string; fraction: string };

const plain = (d: Decimal): string => `${d.negative ? '-' : ''}${d.integer}${d.fraction ? `.${d.fraction}` : ''}`;
const grouped = (integer: string): string => integer.replace(/\B(?=(\d{3})+$)/g, ',');
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The decimal point moved `places` to the right, in the text: "1.5" with 2 → "150", with -2 → "0.015". */
function shifted(d: Decimal, places: number): string {
  const digits = d.integer + d.fraction;
  const point = d.integer.length + places;
  const padded = point < 1 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(at);
  return `${d.negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

describe('number text', () => {
  test.prop([printable])('reads back what String() prints', (n) => {
    expect(readNumberText(String(n))).toBe(n === 0 ? 0 : n);
  });

  test.prop([decimal])('reads every way a spreadsheet prints the same decimal as that decimal', (d) => {
    const value = Number(plain(d));
    const sign = d.negative ? '-' : '';
    const body = `${grouped(d.integer)}${d.fraction ? `.${d.fraction}` : ''}`;
    const printed = [
      plain(d),
      `${sign}${body}`,
      `${sign}¥${body}`,
      `$${sign}${body}`,
      `${sign}${body}元`,
      ` ${plain(d)}\t`,
      fullWidth(plain(d)),
      d.negative ? `(${body})` : `+${body}`,
      // Written with two more integer digits: within the 15 a number holds.
      ...(d.integer.length + 2 <= MAX_SIGNIFICANT_DIGITS ? [`${shifted(d, 2)}%`] : []),
      `${shifted(d, -4)}万`,
      `${shifted(d, -8)}亿`,
      `${shifted(d, -3)}e3`,
    ];
    for (const text of printed) expect(readNumberText(text), text).toBe(value);
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'0123456789,.-+()%eE $¥元万 ０－', 'a') })])('answers every text with a finite number or a reason', (text) => {
    const r = readNumberText(text);
    if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
    else expect(['notNumber', 'leadingZero', 'tooManyDigits']).toContain(r);
  });
});
