import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diagnosticMessage, type DiagnosticCode } from '.';
import { checkFormula } from '../types/checker';
import { fakeLibrary } from '../testing/fake-library';
import { schema } from '../testing/fixtures';

/** One formula per code, checked in the customers table of the fixture workbook (field Tier). */
const EXAMPLES: Record<DiagnosticCode, { source: string; at: [number, number]; fieldId?: string }> = {
  FORMULA_EMPTY: { source: '  ', at: [0, 2] },
  FORMULA_TOO_LONG: { source: '1'.repeat(8005), at: [8000, 8005] },
  FORMULA_TOO_DEEP: { source: `${'('.repeat(65)}1${')'.repeat(65)}`, at: [64, 65] },
  FORMULA_SYNTAX: { source: '1+', at: [2, 2] },
  FORMULA_UNEXPECTED_CHAR: { source: '1 ¥ 2', at: [2, 3] },
  FORMULA_UNTERMINATED_STRING: { source: '"abc', at: [0, 4] },
  FORMULA_QUOTE_MISMATCH: { source: '“abc"', at: [0, 5] },
  FORMULA_UNTERMINATED_REF: { source: '{销售额', at: [0, 4] },
  FORMULA_UNBALANCED: { source: '(1', at: [0, 1] },
  FORMULA_BAD_NUMBER: { source: '1e+', at: [0, 3] },
  FORMULA_BARE_NAME: { source: '销售额*2', at: [0, 3] },
  FORMULA_UNKNOWN_FIELD: { source: '{销售}', at: [1, 3] },
  FORMULA_UNKNOWN_TABLE: { source: 'SUM(Ordrs[Amount])', at: [4, 9] },
  FORMULA_UNKNOWN_FUNCTION: { source: 'SUMM(1)', at: [0, 4] },
  FORMULA_ARG_COUNT: { source: 'IF(1)', at: [0, 5] },
  FORMULA_ARG_KIND: { source: 'RANK({销售额},{销售额})', at: [11, 16] },
  FORMULA_COLUMN_AS_VALUE: { source: '[销售额]*2', at: [0, 5] },
  FORMULA_CYCLE: { source: '{Label}', at: [0, 7], fieldId: 'fld_tier' },
};

describe('diagnostics catalogue', () => {
  it.each(DIAGNOSTIC_CODES.map((code) => [code]))('%s is produced with its exact span', (code) => {
    const example = EXAMPLES[code];
    const result = checkFormula(example.source, schema, 'tbl_c', {
      functions: fakeLibrary,
      ...(example.fieldId === undefined ? {} : { fieldId: example.fieldId }),
    });
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.code === code);
    expect(found, JSON.stringify(result.diagnostics)).toBeDefined();
    expect([found!.start, found!.end]).toEqual(example.at);
  });

  it.each(DIAGNOSTIC_CODES.map((code) => [code]))('%s has a message in zh-CN and en', (code) => {
    const params = { name: 'X', char: '$', text: 'X', path: 'A → A', max: 64, length: 9000, count: 1, expected: '2', param: 1, want: 'column', open: '"', close: '”', zh: '甲', en: 'a', which: 'open' };
    const zh = diagnosticMessage(code, params, 'zh-CN');
    const en = diagnosticMessage(code, params, 'en');
    expect(zh.length).toBeGreaterThan(4);
    expect(en.length).toBeGreaterThan(4);
    expect(zh).not.toBe(en);
    expect(en).not.toMatch(/undefined/);
  });

  it('speaks the requested language and suggests the closest name', () => {
    const zh = checkFormula('{销售}', schema, 'tbl_c', { language: 'zh-CN', functions: fakeLibrary });
    expect(zh.diagnostics[0]).toMatchObject({ code: 'FORMULA_UNKNOWN_FIELD', suggestion: '销售额' });
    expect(zh.diagnostics[0]!.message).toBe('找不到字段 销售，您是不是要找 销售额？');
    const en = checkFormula('{Nmae}', schema, 'tbl_c', { functions: fakeLibrary });
    expect(en.diagnostics[0]!.message).toBe('There is no field Nmae; did you mean Name?');
    const fn = checkFormula('RANKK({销售额},[销售额])', schema, 'tbl_c', { functions: fakeLibrary });
    expect(fn.diagnostics[0]).toMatchObject({ suggestion: 'RANK' });
    const far = checkFormula('{完全不同的名字}', schema, 'tbl_c', { functions: fakeLibrary });
    expect(far.diagnostics[0]!.suggestion).toBeUndefined();
  });
});
