import { describe, expect, it } from 'vitest';
import type { Field, Row } from '../api/types';
import { parseCellText } from './parse-cell';
import { planPaste } from './paste-plan';
import { parseTsv } from './tsv';

const f = (id: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({ id, tableId: 't', name: id.toUpperCase(), type, ...extra });

describe('cell text parsing', () => {
  it('reads number, date and boolean cells with the reader imports and the API use', () => {
    expect(parseCellText(f('x', 'number'), '1.2万')).toEqual({ ok: true, value: 12000 });
    expect(parseCellText(f('x', 'number'), '(¥1,234.50)')).toEqual({ ok: true, value: -1234.5 });
    expect(parseCellText(f('x', 'number'), '0123')).toEqual({ ok: false, reason: 'leadingZero' });
    expect(parseCellText(f('x', 'number'), '12abc')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseCellText(f('x', 'date'), '2024年1月5日 13:45')).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseCellText(f('x', 'date'), 'yesterday')).toEqual({ ok: false, reason: 'notDate' });
    expect(parseCellText(f('x', 'boolean'), '√')).toEqual({ ok: true, value: true });
    expect(parseCellText(f('x', 'boolean'), 'maybe')).toEqual({ ok: false, reason: 'notBoolean' });
  });

  it('refuses formula cells and keeps text as is', () => {
    expect(parseCellText(f('x', 'formula'), '1')).toEqual({ ok: false, reason: 'readOnly' });
    expect(parseCellText(f('x', 'text'), ' 北京 ')).toEqual({ ok: true, value: ' 北京 ' });
    expect(parseCellText(f('x', 'number'), '  ')).toEqual({ ok: true, value: null });
  });
});

describe('paste plan', () => {
  const fields = [f('name', 'text'), f('sales', 'number'), f('tier', 'formula'), f('prov', 'select', { options: [{ value: '浙江', color: '#fff' }] })];
  const rows: Row[] = [
    { id: 'r0', version: 3, cells: {} },
    { id: 'r1', version: 1, cells: {} },
  ];

  it('updates existing rows from the start cell, adds rows past the end, reports bad cells', () => {
    const text = '张三\t1,000\t\t浙江\r\n"李\n四"\tabc\t\t江苏\r\n王五\t300\tx\t浙江\r\n';
    const plan = planPaste(parseTsv(text), { fields, startRow: 1, rowCount: 2, rowAt: (i) => rows[i] });
    expect(plan.updates).toEqual([{ rowIndex: 1, id: 'r1', version: 1, cells: { name: '张三', sales: 1000, prov: '浙江' } }]);
    expect(plan.inserts).toEqual([
      { rowIndex: 2, cells: { name: '李\n四', prov: '江苏' } },
      { rowIndex: 3, cells: { name: '王五', sales: 300, prov: '浙江' } },
    ]);
    expect(plan.errors).toEqual([
      { rowIndex: 2, fieldId: 'sales', fieldName: 'SALES', text: 'abc', reason: 'notNumber' },
      { rowIndex: 3, fieldId: 'tier', fieldName: 'TIER', text: 'x', reason: 'readOnly' },
    ]);
    expect(plan.newOptions.prov?.map((o) => o.value)).toEqual(['江苏']);
  });

  it('ignores columns past the last field and notes rows not loaded', () => {
    const plan = planPaste([['a', '1', '', '浙江', 'extra']], { fields, startRow: 0, rowCount: 5, rowAt: () => undefined });
    expect(plan.missingRows).toEqual([0]);
    expect(plan.updates).toEqual([]);
  });

  it('fills a larger selection with a single value, as Excel', () => {
    const plan = planPaste([['7']], { fields: fields.slice(1, 2), startRow: 0, rowCount: 2, rowAt: (i) => rows[i], fill: { rows: 2, cols: 1 } });
    expect(plan.updates.map((u) => u.cells)).toEqual([{ sales: 7 }, { sales: 7 }]);
  });
});
