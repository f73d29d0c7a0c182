import { describe, expect, test } from 'vitest';
import { all, err, one } from './test-kit';

// [formula, expected] on ONE_ROW (N=5, T="abc", S="3", D=2024-01-31, B=TRUE, blanks).
const cases: [string, unknown][] = [
  ['IF({N}>3, "big", "small")', 'big'],
  ['IF({N}>9, "big")', false],
  ['IF({N}>9, "big", {Blank})', null], // settled 2: a blank field value passes through as blank
  ['IF(TRUE, {BlankText}, "x")', null],
  ['IF(TRUE, {D}, 0)', '2024-01-31'], // settled 3: dates pass through
  ['IF({Blank}, "t", "f")', 'f'],
  ['IF("TRUE", 1, 2)', 1],
  ['IF("yes", 1, 2)', err('#VALUE!')],
  ['IF(1/0, 1, 2)', err('#DIV/0!')],
  ['IF(TRUE, 1, 1/0)', 1], // settled 7: lazy
  ['IF(FALSE, 1/0, 2)', 2],
  ['IFS({N}>10, "A", {N}>3, "B", 1/0, "C")', 'B'], // conditions after the first TRUE are not evaluated
  ['IFS({N}>10, "A")', err('#N/A')],
  ['IFS(FALSE, 1/0, TRUE, {D})', '2024-01-31'],
  ['SWITCH({T}, "ABC", 1, "x", 2)', 1], // text compares case-insensitively
  ['SWITCH({N}, "5", "text", 5, "number")', 'number'], // no coercion between text and number
  ['SWITCH({N}, 1, "a", 2, "b")', err('#N/A')],
  ['SWITCH({N}, 1, "a", "default")', 'default'],
  ['SWITCH({N}, 5, "five", 1/0)', 'five'],
  ['SWITCH({Blank}, "", "empty", "other")', 'empty'],
  ['AND(TRUE, {N}>1)', true],
  ['AND(FALSE, 1/0)', err('#DIV/0!')], // settled 7: AND evaluates every argument
  ['OR(TRUE, 1/0)', err('#DIV/0!')],
  ['AND({T})', err('#VALUE!')], // text through a reference is skipped: nothing left
  ['AND({T}, TRUE)', true],
  ['AND("abc")', err('#VALUE!')],
  ['OR({Blank}, FALSE)', false],
  ['OR(0, 2)', true],
  ['XOR(TRUE, TRUE)', false],
  ['XOR(TRUE, FALSE, FALSE)', true],
  ['NOT({Blank})', true],
  ['NOT(0)', true],
  ['NOT("x")', err('#VALUE!')],
  ['IFERROR(1/0, "none")', 'none'],
  ['IFERROR(5, 1/0)', 5],
  ['IFERROR({Blank}, 1)', null],
  ['IFNA(NA(), "n/a")', 'n/a'],
  ['IFNA(1/0, "n/a")', err('#DIV/0!')],
  ['TRUE()', true],
  ['FALSE()', false],
  ['ISBLANK({Blank})', true],
  ['ISBLANK("")', false],
  ['ISNUMBER({D})', true], // settled 3
  ['ISNUMBER({S})', false],
  ['ISTEXT({S})', true],
  ['ISLOGICAL({B})', true],
  ['ISERROR(1/0)', true],
  ['ISERR(NA())', false],
  ['ISNA(NA())', true],
  ['ISNA(1/0)', false],
];

describe('logical and information functions', () => {
  test.each(cases)('%s', (formula, expected) => {
    const actual = one(formula);
    if (typeof expected === 'object' && expected !== null) expect(actual).toMatchObject(expected);
    else expect(actual).toEqual(expected);
  });

  test('IF over rows with blanks passes each blank through', () => {
    const table = { fields: [{ name: 'M', type: 'number' as const }], rows: [{ M: 1 }, { M: null }, { M: 3 }] };
    expect(all('IF(TRUE, {M}, 0)', table)).toEqual([1, null, 3]);
  });
});
