import { describe, expect, test } from 'vitest';
import { all, column, err, one } from './test-kit';

const cases: [string, unknown][] = [
  ['ABS(-2)', 2],
  ['ABS({Blank})', 0],
  ['ABS("-3")', 3],
  ['ABS("x")', err('#VALUE!')],
  ['SIGN(-0.5)', -1],
  ['SIGN(0)', 0],
  ['ROUND(2.675, 2)', 2.68], // decimal rounding, as Excel (binary would give 2.67)
  ['ROUND(-2.5, 0)', -3], // halves away from zero
  ['ROUND(1234.5678, -2)', 1200],
  ['ROUND(1.005, 2)', 1.01],
  ['ROUND(0.1+0.2, 15)', 0.3],
  ['ROUNDUP(3.2, 0)', 4],
  ['ROUNDUP(-3.2, 0)', -4],
  ['ROUNDUP(0.1*3, 1)', 0.3], // no binary leftovers pushing it to 0.4
  ['ROUNDDOWN(3.99, 1)', 3.9],
  ['ROUNDDOWN(-3.99, 0)', -3],
  ['INT(-2.5)', -3],
  ['INT(2.9)', 2],
  ['TRUNC(-2.9)', -2],
  ['TRUNC(3.14159, 3)', 3.141],
  ['MOD(10, 3)', 1],
  ['MOD(-3, 2)', 1],
  ['MOD(3, -2)', -1],
  ['MOD(5, 0)', err('#DIV/0!')],
  ['POWER(2, 0.5)', Math.SQRT2],
  ['POWER(0, -1)', err('#DIV/0!')], // settled 4
  ['POWER(0, 0)', err('#NUM!')],
  ['POWER(-8, 1/3)', err('#NUM!')],
  ['POWER(10, 400)', err('#NUM!')],
  ['SQRT(-1)', err('#NUM!')],
  ['EXP(1000)', err('#NUM!')],
  ['LN(0)', err('#NUM!')],
  ['LOG(8, 1)', err('#DIV/0!')], // settled 4
  ['LOG(100)', 2],
  ['LOG(-1)', err('#NUM!')],
  ['LOG10(0.001)', -3],
  ['CEILING(2.5, 1)', 3],
  ['CEILING(-2.5, 2)', -2],
  ['CEILING(-2.5, -2)', -4],
  ['CEILING(1.5, 0.1)', 1.5],
  ['CEILING(2.5, -1)', err('#NUM!')],
  ['CEILING(2.5, 0)', 0],
  ['FLOOR(2.5, 1)', 2],
  ['FLOOR(-2.5, 2)', -4],
  ['FLOOR(-2.5, -2)', -2],
  ['FLOOR(2.5, -2)', err('#NUM!')],
  ['FLOOR(2.5, 0)', err('#DIV/0!')],
  ['FLOOR(0.3, 0.1)', 0.3],
  // settled 1: literals are coerced, references skip text/booleans/blanks
  ['SUM("3", 1)', 4],
  ['SUM(TRUE, 1)', 2],
  ['SUM("x", 1)', err('#VALUE!')],
  ['SUM({S}, {T}, {B}, {Blank}, {N})', 5],
  ['SUM({D}, 1)', 45323], // a date is its serial
  ['SUM(1, 1/0)', err('#DIV/0!')],
  ['AVERAGE({N}, {T}, 7)', 6],
  ['AVERAGE({T})', err('#DIV/0!')],
  ['AVERAGE("x")', err('#VALUE!')],
  ['MIN({N}, 2, {T})', 2],
  ['MAX({T})', 0],
  ['MIN({D}, {BlankDate})', '2024-01-31'], // settled 3: MIN of dates is a date
  ['MAX({D}, DATE(2024,6,1))', '2024-06-01'],
  ['AVERAGE({D}, DATE(2024,2,1))', '2024-01-31'], // 45322.5 → fraction dropped
  ['COUNT({N}, {S}, {T}, {D}, {B}, {Blank})', 2],
  ['COUNT("3", TRUE, "x", 1/0)', 2],
  ['COUNTA({N}, {T}, {Blank}, "")', 3],
  ['MEDIAN(3, 1, 2, 10)', 2.5],
  ['MEDIAN({T})', err('#NUM!')],
];

describe('math and statistics on values', () => {
  test.each(cases)('%s', (formula, expected) => {
    const actual = one(formula);
    if (typeof expected === 'object' && expected !== null) expect(actual).toMatchObject(expected);
    else expect(actual).toEqual(expected);
  });
});

describe('statistics over columns', () => {
  const mixed = column([3, 'text', null, true, 1, 8, '5']);
  test.each<[string, unknown]>([
    ['SUM([X])', 12], // text, "5", booleans and blanks in a column are skipped (settled 1)
    ['AVERAGE([X])', 4],
    ['MIN([X])', 1],
    ['MAX([X])', 8],
    ['COUNT([X])', 3],
    ['COUNTA([X])', 6],
    ['MEDIAN([X])', 3],
    ['PERCENTILE([X], 0.5)', 3],
    ['PERCENTILE([X], 0.25)', 2],
    ['PERCENTILE([X], 1.5)', err('#NUM!')],
    ['QUARTILE([X], 3)', 5.5],
    ['QUARTILE([X], 4)', 8],
    ['QUARTILE([X], 5)', err('#NUM!')],
    ['SUM([X], {X})', 15],
  ])('%s', (formula, expected) => {
    const actual = one(formula, mixed);
    if (typeof expected === 'object' && expected !== null) expect(actual).toMatchObject(expected);
    else expect(actual).toEqual(expected);
  });

  test('an error in a column propagates through SUM', () => {
    const table = { fields: [{ name: 'X', type: 'number' as const }], rows: [{ X: 1 }, { X: { error: '#N/A' } as never }] };
    expect(one('SUM([X])', table)).toMatchObject(err('#N/A'));
  });

  test('date columns give dates (settled 3)', () => {
    const dates = column(['2024-01-01', '2024-01-04', null, '2024-03-01'], 'date');
    expect(one('MIN([X])', dates)).toBe('2024-01-01');
    expect(one('MAX([X])', dates)).toBe('2024-03-01');
    expect(one('MEDIAN([X])', dates)).toBe('2024-01-04');
    expect(one('PERCENTILE([X], 0.5)', dates)).toBe('2024-01-04');
    expect(one('QUARTILE([X], 0)', dates)).toBe('2024-01-01');
    expect(one('AVERAGE([X])', dates)).toBe('2024-01-22');
    expect(all('SUM([X])', dates)[0]).toBe(45292 + 45295 + 45352);
  });
});
