import { describe, expect, it } from 'vitest';
import type { Field, ImportPreview } from '../api/types';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { badRowSummary, cellFailure, cellFailures, columnNotes, columnTargets } from './preview-check';

function preview(rows: (string | null)[][], extra: Partial<ImportPreview> = {}): ImportPreview {
  return {
    id: 'imp1',
    filename: 'orders.csv',
    encoding: 'utf-8',
    delimiter: ',',
    rowCount: rows.length,
    columns: [
      { name: '订单号', type: 'text', samples: [], problems: [] },
      { name: '下单日期', type: 'text', samples: [], problems: [] },
      { name: '金额', type: 'text', samples: [], problems: ['1 个值不是数字（如“abc”），所以按文本导入'] },
    ],
    rows,
    badRows: [],
    ...extra,
  };
}

const ROWS: (string | null)[][] = [
  ['O001', '2025-01-05', '1,200'],
  ['O002', '2025-02-11 10:30', 'abc'],
  ['O003', 'not a date', null],
];
const label = (type: string) => type.toUpperCase();
const field = (id: string, name: string, type: Field['type'], options?: Field['options']): Field => ({ id, tableId: 't1', name, type, ...(options ? { options } : {}) });

describe('import preview checks', () => {
  it('tells which values will not convert, as the server does', () => {
    expect(cellFailure('¥1,200', { type: 'number' })).toBeNull();
    expect(cellFailure('12%', { type: 'number' })).toBeNull();
    expect(cellFailure('abc', { type: 'number' })).toBe('notNumber');
    expect(cellFailure('(12)', { type: 'number' })).toBeNull();
    expect(cellFailure('1.2万', { type: 'number' })).toBeNull();
    expect(cellFailure('  ', { type: 'number' })).toBeNull();
    expect(cellFailure('0123', { type: 'number' })).toBe('leadingZero');
    expect(cellFailure('110101199058202938', { type: 'number' })).toBe('tooManyDigits');
    expect(cellFailure('2024年1月5日', { type: 'date' })).toBeNull();
    expect(cellFailure('2025-13-45', { type: 'date' })).toBe('notDate');
    expect(cellFailure('是', { type: 'boolean' })).toBeNull();
    expect(cellFailure('maybe', { type: 'boolean' })).toBe('notBoolean');
    expect(cellFailure(null, { type: 'number' })).toBeNull();
    const province = { type: 'select' as const, field: field('f', '省份', 'select', [{ value: '浙江', color: 'blue' }]) };
    expect(cellFailure('浙江', province)).toBeNull();
    expect(cellFailure('火星', province)).toBe('notOption');
  });

  it('counts the bad rows exactly when the preview holds the whole file', () => {
    const p = preview(ROWS);
    const asFound = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'text', 金额: 'text' }, {}, []);
    expect(badRowSummary(p, asFound)).toEqual({ count: 0, exact: true });
    const typed = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'date', 金额: 'number' }, {}, []);
    expect(cellFailures(p, typed)).toEqual([
      [null, null, null],
      [null, null, 'notNumber'],
      [null, 'notDate', null],
    ]);
    expect(badRowSummary(p, typed)).toEqual({ count: 2, exact: true });
  });

  it('says "at least" when only the preview rows could be checked, and adds the unreadable rows', () => {
    const p = preview(ROWS, { rowCount: 500, badRows: [{ row: 7, column: '', value: null, reason: 'ragged' }] });
    const typed = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'text', 金额: 'number' }, {}, []);
    expect(badRowSummary(p, typed)).toEqual({ count: 2, exact: false });
    // Types the server found from every row cannot fail: the count is exact however long the file is.
    const asFound = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'text', 金额: 'text' }, {}, []);
    expect(badRowSummary(p, asFound)).toEqual({ count: 1, exact: true });
  });

  it('notes why a date column is text, and that picking a type turns bad values into bad rows', () => {
    const p = preview(ROWS);
    const asFound = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'text', 金额: 'text' }, {}, []);
    expect(columnNotes(p, 1, asFound[1] ?? null, label)).toEqual([{ key: 'import.notDateSoText', params: { example: 'not a date' } }]);
    expect(columnNotes(p, 2, asFound[2] ?? null, label)).toEqual([{ text: '1 个值不是数字（如“abc”），所以按文本导入' }]);
    expect(columnNotes(p, 0, asFound[0] ?? null, label)).toEqual([]);
    const typed = columnTargets(p, 'new', { 订单号: 'text', 下单日期: 'text', 金额: 'number' }, {}, []);
    expect(columnNotes(p, 2, typed[2] ?? null, label)).toEqual([{ key: 'import.chosenNoteExample', params: { type: 'NUMBER', example: 'abc' } }]);
  });

  it('describes the target field when appending, not the detected type', () => {
    const p = preview(ROWS);
    const fields = [field('f1', '订单号', 'text'), field('f2', '金额', 'number'), field('f3', '公式', 'formula')];
    const targets = columnTargets(p, 'append', {}, { 订单号: 'f1', 下单日期: 'f3', 金额: 'f2' }, fields);
    expect(targets[1]).toBeNull();
    expect(columnNotes(p, 2, targets[2] ?? null, label)).toEqual([
      { key: 'import.fieldNoteExample', params: { field: '金额', type: 'NUMBER', example: 'abc' } },
    ]);
    expect(columnNotes(p, 0, targets[0] ?? null, label)).toEqual([]);
    // Nothing in the whole file fails: no note; with more rows than the preview, the warning without an example.
    const ids = columnTargets(p, 'append', {}, { 订单号: 'f2' }, fields);
    expect(columnNotes(p, 0, ids[0] ?? null, label)).toEqual([{ key: 'import.fieldNoteExample', params: { field: '金额', type: 'NUMBER', example: 'O001' } }]);
    const okOnly = preview([['1', null, null]]);
    expect(columnNotes(okOnly, 0, columnTargets(okOnly, 'append', {}, { 订单号: 'f2' }, fields)[0] ?? null, label)).toEqual([]);
    const longer = preview([['1', null, null]], { rowCount: 300 });
    expect(columnNotes(longer, 0, columnTargets(longer, 'append', {}, { 订单号: 'f2' }, fields)[0] ?? null, label)).toEqual([
      { key: 'import.fieldNote', params: { field: '金额', type: 'NUMBER' } },
    ]);
    expect(badRowSummary(p, targets)).toEqual({ count: 1, exact: true });
  });

  it('has every note and summary text in both languages', () => {
    for (const messages of [en, zhCN]) {
      for (const key of ['chosenNote', 'chosenNoteExample', 'fieldNote', 'fieldNoteExample', 'notDateSoText', 'summary', 'summaryAtLeast', 'summaryUnchecked', 'cellBadTip']) {
        expect(messages.import).toHaveProperty(key);
      }
      // The cell-text reader's reasons are worded by common/ (refusalText); these two are the preview's own.
      expect(Object.keys(messages.import.cellBad).sort()).toEqual(['notOption', 'tooLong']);
    }
  });
});
