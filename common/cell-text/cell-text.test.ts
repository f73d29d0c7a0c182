// The one table of what a number, date or boolean cell takes from text, and what it refuses (issue 14).
import { describe, expect, it } from 'vitest';
import { FALSE_WORDS, TRUE_WORDS } from './boolean-text';
import { type CellRefusal, readCellText, type TypedKind } from './cell-text';
import { DATE_FORMS, readDateText } from './date-text';
import { refusalText } from './refusal-text';

type Expected = number | string | boolean | null | { refused: CellRefusal };
const no = (refused: CellRefusal) => ({ refused });

const CELL_FORMS: readonly (readonly [TypedKind, string, Expected])[] = [
  // Plain and signed numbers
  ['number', '0', 0],
  ['number', '0.5', 0.5],
  ['number', '-0.5', -0.5],
  ['number', '12', 12],
  ['number', '-12.5', -12.5],
  ['number', '+3', 3],
  ['number', '1.', 1],
  ['number', '.5', 0.5],
  ['number', ' 42 ', 42],
  ['number', '\t42\n', 42],
  ['number', '123456789012345', 123456789012345],
  ['number', '0.123456789012345678', Number('0.123456789012345678')],
  // Thousands separators, in groups of three
  ['number', '1,234', 1234],
  ['number', '1,234,567.8', 1234567.8],
  ['number', '-1,000', -1000],
  ['number', '12,34', no('notNumber')],
  ['number', '1,2345', no('notNumber')],
  ['number', '1234,567', no('notNumber')],
  ['number', ',123', no('notNumber')],
  ['number', '1,,234', no('notNumber')],
  ['number', '0,123', no('notNumber')],
  // Scientific
  ['number', '1e3', 1000],
  ['number', '1E-2', 0.01],
  ['number', '-1.5e+3', -1500],
  ['number', '1e', no('notNumber')],
  ['number', 'e3', no('notNumber')],
  ['number', '1e400', no('notNumber')],
  ['number', '1e-400', no('notNumber')],
  // Percent, 万 and 亿, without float noise
  ['number', '12%', 0.12],
  ['number', '1.5%', 0.015],
  ['number', '-3%', -0.03],
  ['number', '12 %', 0.12],
  ['number', '0.1%', 0.001],
  ['number', '1.2万', 12000],
  ['number', '3亿', 300000000],
  ['number', '1.2万元', 12000],
  ['number', '0.07万', 700],
  ['number', '12%%', no('notNumber')],
  ['number', '1.2万万', no('notNumber')],
  ['number', '12元%', no('notNumber')],
  // Currency signs before, 元 after
  ['number', '¥1,234.50', 1234.5],
  ['number', '￥88', 88],
  ['number', '$3', 3],
  ['number', '€5', 5],
  ['number', '£7.25', 7.25],
  ['number', '¥ 1,234', 1234],
  ['number', '-$3', -3],
  ['number', '$-3', -3],
  ['number', '100元', 100],
  ['number', '¥1.2万', 12000],
  ['number', '¥100元', no('notNumber')],
  ['number', '$12%', no('notNumber')],
  ['number', '-$-3', no('notNumber')],
  ['number', '3$', no('notNumber')],
  ['number', 'USD 3', no('notNumber')],
  // Parentheses are negative
  ['number', '(12)', -12],
  ['number', '(¥1,234.50)', -1234.5],
  ['number', '( 12 )', -12],
  ['number', '(12%)', -0.12],
  ['number', '(12', no('notNumber')],
  ['number', '12)', no('notNumber')],
  ['number', '(-12)', no('notNumber')],
  ['number', '-(12)', no('notNumber')],
  // Full-width digits and signs
  ['number', '１２３', 123],
  ['number', '－５', -5],
  ['number', '１，２３４．５', 1234.5],
  ['number', '（１２）', -12],
  ['number', '１２％', 0.12],
  ['number', '\u3000１２\u3000', 12],
  // Anything else
  ['number', 'abc', no('notNumber')],
  ['number', '12abc', no('notNumber')],
  ['number', '1 2', no('notNumber')],
  ['number', '- 5', no('notNumber')],
  ['number', '.', no('notNumber')],
  ['number', '-', no('notNumber')],
  ['number', '--1', no('notNumber')],
  ['number', '+-1', no('notNumber')],
  ['number', '1.2.3', no('notNumber')],
  ['number', 'Infinity', no('notNumber')],
  ['number', 'NaN', no('notNumber')],
  ['number', '0x1F', no('notNumber')],
  ['number', '١٢٣', no('notNumber')],
  ['number', '2024-01-05', no('notNumber')],
  // Codes, not numbers: a leading zero, or more digits than a number holds
  ['number', '0123', no('leadingZero')],
  ['number', '007', no('leadingZero')],
  ['number', '-01', no('leadingZero')],
  ['number', '00', no('leadingZero')],
  ['number', '00.5', no('leadingZero')],
  ['number', '$0123', no('leadingZero')],
  ['number', '０１２３', no('leadingZero')],
  ['number', '110101199058202938', no('tooManyDigits')],
  ['number', '1234567890123456', no('tooManyDigits')],
  ['number', '-1234567890123456.5', no('tooManyDigits')],
  ['number', '1,234,567,890,123,456', no('tooManyDigits')],
  ['number', '1234567890123456000', no('tooManyDigits')],
  // Trailing zeros are not significant: a number holds these exactly
  ['number', '1000000000000000', 1e15],
  ['number', '1234567890123450000', 1234567890123450000],
  ['number', '123456789012345000000', 123456789012345000000],
  // Dates, with an optional time of day
  ['date', '2024-01-05', '2024-01-05'],
  ['date', '2024/1/5', '2024-01-05'],
  ['date', '2024.1.5', '2024-01-05'],
  ['date', '2024年1月5日', '2024-01-05'],
  ['date', '2024年1月5', '2024-01-05'],
  ['date', '1/5/2024', '2024-01-05'],
  ['date', ' 2024-1-5 ', '2024-01-05'],
  ['date', '２０２４－０１－０５', '2024-01-05'],
  ['date', '2024-01-05 13:45', '2024-01-05'],
  ['date', '2024-01-05T13:45:00Z', '2024-01-05'],
  ['date', '2024/1/5 8:26', '2024-01-05'],
  ['date', '1/5/2024 8:26:59', '2024-01-05'],
  ['date', '2024年1月5日 13:45', '2024-01-05'],
  ['date', '2024-02-29', '2024-02-29'],
  ['date', '2024-02-30', no('notDate')],
  ['date', '2023-02-29', no('notDate')],
  ['date', '2024-13-01', no('notDate')],
  ['date', '1899-12-31', no('notDate')],
  ['date', '5/1/24', no('notDate')],
  ['date', '20240105', no('notDate')],
  ['date', '45296', no('notDate')],
  ['date', '2024-01-05 noon', no('notDate')],
  ['date', 'yesterday', no('notDate')],
  // Booleans: one list of words
  ['boolean', 'TRUE', true],
  ['boolean', 'True', true],
  ['boolean', 'ＴＲＵＥ', true],
  ['boolean', ' yes ', true],
  ['boolean', 'Y', true],
  ['boolean', '1', true],
  ['boolean', 'checked', true],
  ['boolean', '是', true],
  ['boolean', '对', true],
  ['boolean', '真', true],
  ['boolean', '√', true],
  ['boolean', '✓', true],
  ['boolean', '✔', true],
  ['boolean', 'FALSE', false],
  ['boolean', 'no', false],
  ['boolean', 'N', false],
  ['boolean', '0', false],
  ['boolean', 'Unchecked', false],
  ['boolean', '否', false],
  ['boolean', '不是', false],
  ['boolean', '错', false],
  ['boolean', '假', false],
  ['boolean', '×', false],
  ['boolean', '✗', false],
  ['boolean', '✘', false],
  ['boolean', 'x', no('notBoolean')],
  ['boolean', 'maybe', no('notBoolean')],
  ['boolean', '2', no('notBoolean')],
  // Blank is a blank cell in every typed field
  ['number', '', null],
  ['number', '   ', null],
  ['date', '\u3000', null],
  ['boolean', '\t', null],
];

describe('reading cell text', () => {
  it.each(CELL_FORMS)('%s %j → %j', (kind, text, expected) => {
    const r = readCellText(kind, text);
    if (typeof expected === 'object' && expected !== null) expect(r).toEqual({ ok: false, reason: expected.refused });
    else expect(r).toEqual({ ok: true, value: expected });
  });

  it('knows when a date had a time of day (the day is kept, the import preview says so)', () => {
    expect(readDateText('2024-01-05')).toEqual({ iso: '2024-01-05', hadTime: false });
    expect(readDateText('2024-01-05 13:45')).toEqual({ iso: '2024-01-05', hadTime: true });
    expect(readDateText('1/5/2024 8:26')).toEqual({ iso: '2024-01-05', hadTime: true });
  });

  it('has every yes/no word of the table in exactly one list', () => {
    const words = CELL_FORMS.filter(([kind, , e]) => kind === 'boolean' && typeof e === 'boolean').map(([, t]) => t.trim().toLowerCase());
    for (const w of [...TRUE_WORDS, ...FALSE_WORDS]) expect(words, w).toContain(w);
    for (const w of TRUE_WORDS) expect(FALSE_WORDS.has(w), w).toBe(false);
  });
});

describe('refusal text', () => {
  const reasons: CellRefusal[] = ['notNumber', 'leadingZero', 'tooManyDigits', 'notDate', 'notBoolean'];

  it('says why in both languages, alone and about a quoted value', () => {
    for (const reason of reasons) {
      expect(refusalText(reason, 'en', 'abc')).toMatch(/^"abc" /);
      expect(refusalText(reason, 'zh-CN', 'abc')).toMatch(/^“abc”/);
      expect(refusalText(reason, 'en')).toMatch(/^[A-Z]/);
      expect(refusalText(reason, 'zh-CN')).not.toMatch(/[a-z]{4}/);
    }
    expect(refusalText('notNumber', 'en', true)).toBe('true is not a number');
  });

  it('names every accepted date form, and suggests a text field for codes', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const form of DATE_FORMS) expect(refusalText('notDate', lang)).toContain(form);
    }
    expect(refusalText('tooManyDigits', 'en', '110101199058202938')).toBe(
      '"110101199058202938" has more than 15 digits, which a number cannot hold exactly: keep it in a text field',
    );
    expect(refusalText('leadingZero', 'zh-CN', '0123')).toBe('“0123”以 0 开头，是编码而不是数字：请用文本字段保存');
  });
});
