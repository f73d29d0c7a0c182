// Every documentation example of every function, in both languages, is a real formula with its result:
// "FORMULA → expected", run on the first row of the example workbook (example-tables.ts).
import { describe, expect, test } from 'vitest';
import { evaluateFormula } from '../index';
import { EXAMPLE_AS_OF, EXAMPLE_WORKBOOKS, parseExample } from './example-tables';
import { allFunctions } from './registry';

const languages = ['en', 'zh-CN'] as const;

describe.each(languages)('documentation examples (%s)', (language) => {
  const workbook = EXAMPLE_WORKBOOKS[language];
  const cases = allFunctions().map((f) => [f.name, f.docs[language].example] as const);
  test.each(cases)('%s: %s', (name, example) => {
    const parsed = parseExample(example);
    expect(parsed, `example of ${name} must read "FORMULA → result"`).toBeDefined();
    if (parsed === undefined) return;
    expect(parsed.formula.toUpperCase()).toContain(name);
    const [first] = evaluateFormula(parsed.formula, workbook.main, { tables: workbook.tables, asOf: EXAMPLE_AS_OF });
    if (typeof parsed.expected === 'object' && parsed.expected !== null) expect(first).toMatchObject(parsed.expected);
    else expect(first).toEqual(parsed.expected);
  });
});

test('every function has docs in both languages', () => {
  for (const f of allFunctions()) {
    for (const language of languages) {
      const doc = f.docs[language];
      expect(doc.summary.length, `${f.name} ${language} summary`).toBeGreaterThan(3);
      expect(doc.syntax.toUpperCase().startsWith(f.name), `${f.name} ${language} syntax`).toBe(true);
    }
  }
});

test('FORMULAS.md functions all exist', () => {
  const required = `IF IFS SWITCH AND OR NOT XOR IFERROR IFNA TRUE FALSE ISBLANK ISNUMBER ISTEXT ISLOGICAL ISERROR ISNA NA
    ABS SIGN ROUND ROUNDUP ROUNDDOWN INT TRUNC MOD POWER SQRT EXP LN LOG LOG10 CEILING FLOOR SUM AVERAGE MIN MAX COUNT
    COUNTA MEDIAN CONCAT CONCATENATE LEFT RIGHT MID LEN LOWER UPPER TRIM SUBSTITUTE FIND SEARCH REPT EXACT VALUE TEXT
    DATE DATEVALUE YEAR MONTH DAY WEEKDAY TODAY DAYS DATEDIF EDATE EOMONTH PERCENTILE QUARTILE RANK PERCENTRANK
    SUMIFS COUNTIFS AVERAGEIFS MAXIFS MINIFS XLOOKUP COUNTUNIQUEIFS NTILE PARETO`.split(/\s+/);
  const names = new Set(allFunctions().map((f) => f.name));
  expect(required.filter((n) => !names.has(n))).toEqual([]);
});
