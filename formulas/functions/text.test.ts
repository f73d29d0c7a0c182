import { describe, expect, test } from 'vitest';
import { err, one } from './test-kit';

const cases: [string, unknown][] = [
  ['CONCAT("a", 1, TRUE, {Blank}, {D})', 'a1TRUE2024-01-31'], // settled 3: dates read YYYY-MM-DD
  ['CONCATENATE(1/3, "")', '0.333333333333333'], // settled 5
  ['CONCAT("x", 1/0)', err('#DIV/0!')],
  ['{D}&""', '2024-01-31'],
  ['1E+20&""', '1E+20'],
  ['123456789012345678&""', '1.23456789012346E+17'],
  ['0.000001&""', '0.000001'],
  ['-0.5&""', '-0.5'],
  ['LEFT("abc")', 'a'],
  ['LEFT("abc", 10)', 'abc'],
  ['LEFT("abc", -1)', err('#VALUE!')],
  ['RIGHT("abc", 2)', 'bc'],
  ['RIGHT("abc", 0)', ''],
  ['MID("abcdef", 2, 3)', 'bcd'],
  ['MID("abc", 10, 2)', ''],
  ['MID("abc", 0, 2)', err('#VALUE!')],
  ['LEN("北京市")', 3],
  ['LEN({Blank})', 0],
  ['LEN(12.5)', 4],
  ['LOWER("ABC")', 'abc'],
  ['UPPER({T})', 'ABC'],
  ['TRIM("  a   b  ")', 'a b'],
  ['SUBSTITUTE("a-b-c", "-", "")', 'abc'],
  ['SUBSTITUTE("a-b-c", "-", "+", 2)', 'a-b+c'],
  ['SUBSTITUTE("a-b-c", "-", "+", 5)', 'a-b-c'],
  ['SUBSTITUTE("abc", "", "x")', 'abc'],
  ['FIND("B", "abcB")', 4], // case-sensitive
  ['FIND("z", "abc")', err('#VALUE!')],
  ['FIND("", "abc", 2)', 2],
  ['FIND("a", "abc", 5)', err('#VALUE!')],
  ['SEARCH("B", "abcB")', 2], // case-insensitive
  ['SEARCH("c*f", "abcdef")', 3],
  ['SEARCH("~*", "a*b")', 2],
  ['SEARCH("?c", "abc")', 2],
  ['REPT("ab", 3)', 'ababab'],
  ['REPT("ab", 0)', ''],
  ['REPT("x", -1)', err('#VALUE!')],
  ['REPT("x", 32767)', 'x'.repeat(32767)],
  ['REPT("x", 32768)', err('#VALUE!')],
  ['REPT("abc", 1E+15)', err('#VALUE!')], // refused before anything is allocated
  ['LEN(REPT("ab", 16383)&"x")', 32767],
  ['REPT("ab", 16383)&"xy"', err('#VALUE!')],
  ['SUBSTITUTE(REPT("a", 20000), "a", "bb")', err('#VALUE!')],
  ['SEARCH(REPT("*a", 20)&"*b", REPT("a", 30000))', err('#VALUE!')], // linear-time wildcards: no hang
  ['EXACT("A", "a")', false],
  ['EXACT(1, "1")', true],
  ['VALUE("1,250.5")', 1250.5],
  ['VALUE("50%")', 0.5],
  ['VALUE(" -3 ")', -3],
  ['VALUE("1e3")', 1000],
  ['VALUE("2024-01-31")', 45322],
  ['VALUE("abc")', err('#VALUE!')],
  ['VALUE("")', err('#VALUE!')],
  ['VALUE(TRUE)', err('#VALUE!')],
  // TEXT: the common codes
  ['TEXT(1234.567, "0")', '1235'],
  ['TEXT(1234.567, "0.00")', '1234.57'],
  ['TEXT(1234.567, "#,##0")', '1,235'],
  ['TEXT(1234567.891, "#,##0.00")', '1,234,567.89'],
  ['TEXT(0.256, "0%")', '26%'],
  ['TEXT(0.256, "0.0%")', '25.6%'],
  ['TEXT(-1234.5, "#,##0.00")', '-1,234.50'],
  ['TEXT(0.5, "#.##")', '.5'],
  ['TEXT(3, "000")', '003'],
  ['TEXT(1234.5, "¥#,##0.00")', '¥1,234.50'],
  ['TEXT(1234.5, "0""元""")', '1235元'],
  ['TEXT(12345, "0.00E+00")', '1.23E+04'],
  ['TEXT(-5, "0;(0)")', '(5)'],
  ['TEXT(0, "0;-0;""zero""")', 'zero'],
  ['TEXT(1234567, "#,##0,")', '1,235'],
  ['TEXT({D}, "yyyy-mm-dd")', '2024-01-31'],
  ['TEXT({D}, "yyyy/m/d")', '2024/1/31'],
  ['TEXT({D}, "yyyy年m月")', '2024年1月'],
  ['TEXT({D}, "yyyy年m月d日")', '2024年1月31日'],
  ['TEXT({D}, "m/d")', '1/31'],
  ['TEXT({D}, "mmm d, yyyy")', 'Jan 31, 2024'],
  ['TEXT({D}, "dddd")', 'Wednesday'],
  ['TEXT({D}, "aaaa")', '星期三'],
  ['TEXT({D}, "yy-mm")', '24-01'],
  ['TEXT(45322.75, "hh:mm")', '18:00'],
  ['TEXT("2024-01-31", "yyyy年m月")', '2024年1月'],
  ['TEXT("abc", "0.00")', 'abc'],
  ['TEXT(1/3, "General")', '0.333333333333333'],
  ['TEXT(TRUE, "0")', 'TRUE'],
  ['TEXT({Blank}, "0.0")', '0.0'],
  ['TEXT(-1, "yyyy-mm-dd")', err('#VALUE!')],
  ['LEN(TEXT(1/3, "0."&REPT("0", 200)))', 32],
  ['REPT("", 1E+300)', ''],
  ['REPT("", 1E+300*1E+300)', err('#NUM!')],
];

describe('text functions', () => {
  test.each(cases)('%s', (formula, expected) => {
    const actual = one(formula);
    if (typeof expected === 'object' && expected !== null) expect(actual).toMatchObject(expected);
    else expect(actual).toEqual(expected);
  });
});
