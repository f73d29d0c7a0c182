import { describe, expect, it } from 'vitest';
import type { Field, Row } from '../api/types';
import { buildColumnDefs, chipHtml, editorValueToCell, pinnedFieldId, type TypedRefusal } from './column-defs';
import { formatCell, formatDate } from './format';
import { groupColor, UNCLASSIFIED_COLOR } from './group-colors';

const ctx = { locale: 'en', unclassified: 'Unclassified', blankValue: '(Blank)', formulaTitle: 'Formula' };
const f = (p: Partial<Field> & Pick<Field, 'id' | 'type'>): Field => ({ tableId: 't', name: p.id, ...p });

describe('column defs', () => {
  const fields: Field[] = [
    f({ id: 'name', type: 'text' }),
    f({ id: 'sales', type: 'number', name: '销售额' }),
    f({ id: 'first', type: 'date' }),
    f({ id: 'vip', type: 'boolean' }),
    f({ id: 'prov', type: 'select', options: [{ value: '浙江', color: '#dbeafe' }] }),
    f({ id: 'tier', type: 'formula', formula: 'IFS(…)', resultType: 'text', groups: [{ value: '高', color: '#fecaca' }] }),
    f({ id: 'hid', type: 'text', hidden: true }),
  ];
  const defs = buildColumnDefs(fields, ctx);

  it('gives each type its editor and filter; formulas are read-only with the ƒ header class', () => {
    const by = Object.fromEntries(defs.map((d) => [d.colId, d]));
    expect(by.name).toMatchObject({ editable: true, cellEditor: 'agTextCellEditor', filter: 'agTextColumnFilter' });
    expect(by.sales).toMatchObject({ editable: true, cellEditor: 'agTextCellEditor', filter: 'agNumberColumnFilter', type: 'rightAligned', headerName: '销售额' });
    expect(by.first).toMatchObject({ cellEditor: 'agDateStringCellEditor', filter: 'agDateColumnFilter' });
    expect(by.vip).toMatchObject({ cellEditor: 'agCheckboxCellEditor', cellRenderer: 'agCheckboxCellRenderer' });
    expect(by.prov?.cellEditorParams).toEqual({ values: ['', '浙江'] });
    expect(by.tier).toMatchObject({ editable: false, headerClass: 'ss-formula-header' });
    expect(by.hid?.hide).toBe(true);
  });

  it('uses our chip filter and chip editor for grouping and select columns when given', () => {
    const withComps = buildColumnDefs(fields, { ...ctx, groupFilter: 'GF', selectEditor: 'SE', blankLabel: '(empty)', headerComponent: 'H', onHeaderMenu: () => undefined });
    const by = Object.fromEntries(withComps.map((d) => [d.colId, d]));
    expect(by.tier).toMatchObject({ filter: 'GF', filterParams: { groups: [{ value: '高', color: '#fecaca' }], emptyLabel: 'Unclassified' } });
    // A select column has options, not groups: its empty cells are plain blanks in the filter.
    expect(by.prov?.filterParams).toMatchObject({ groups: [{ value: '浙江', color: '#dbeafe' }], emptyLabel: '(Blank)' });
    expect(by.prov).toMatchObject({ filter: 'GF', cellEditor: 'SE', cellEditorPopup: true, cellEditorParams: { options: [{ value: '浙江', color: '#dbeafe' }], blankLabel: '(empty)' } });
    expect(by.sales?.filter).toBe('agNumberColumnFilter');
    expect(by.tier?.headerComponentParams).toMatchObject({ innerHeaderComponent: 'H', innerHeaderComponentParams: { isFormula: true, isGrouping: true } });
  });

  it('pins the first visible non-formula field on the left, and only that one', () => {
    expect(defs.filter((d) => d.pinned === 'left').map((d) => d.colId)).toEqual(['name']);
    expect(defs.every((d) => d.lockPinned === true)).toBe(true);
    const reordered = [fields[5], { ...fields[0], hidden: true }, fields[1]] as Field[];
    expect(pinnedFieldId(reordered)).toBe('sales');
    expect(buildColumnDefs(reordered, ctx).map((d) => d.pinned ?? null)).toEqual([null, null, 'left']);
    expect(pinnedFieldId([fields[5] as Field])).toBeUndefined();
  });

  it('reads and writes cells of the row', () => {
    const def = defs[1];
    const row: Row = { id: 'r', version: 1, cells: { sales: 12 } };
    const get = def?.valueGetter;
    expect(typeof get === 'function' ? get({ data: row } as never) : undefined).toBe(12);
    const set = def?.valueSetter;
    if (typeof set === 'function') set({ data: row, newValue: '1,234' } as never);
    expect(row.cells.sales).toBe(1234);
  });

  it('converts editor values by field type, reading text as a paste does', () => {
    const sales = fields[1] as Field;
    expect(editorValueToCell(sales, '')).toEqual({ ok: true, value: null });
    expect(editorValueToCell(sales, '1.2万')).toEqual({ ok: true, value: 12000 });
    expect(editorValueToCell(sales, '12%')).toEqual({ ok: true, value: 0.12 });
    expect(editorValueToCell(sales, 7)).toEqual({ ok: true, value: 7 });
    expect(editorValueToCell(sales, 'abc')).toEqual({ ok: false, reason: 'notNumber' });
    expect(editorValueToCell(sales, '0123')).toEqual({ ok: false, reason: 'leadingZero' });
    expect(editorValueToCell(fields[3] as Field, true)).toEqual({ ok: true, value: true });
    expect(editorValueToCell(fields[2] as Field, '2024-01-05')).toEqual({ ok: true, value: '2024-01-05' });
    expect(editorValueToCell(fields[2] as Field, '2024年1月5日')).toEqual({ ok: true, value: '2024-01-05' });
  });

  it('keeps the old value of a cell that refuses typed text, and reports it', () => {
    const refused: TypedRefusal[] = [];
    const accepted: string[] = [];
    const marks = new Map([['r\u0000sales', 'why']]);
    const [, sales] = buildColumnDefs(fields, {
      ...ctx,
      onRefused: (r) => refused.push(r),
      onAccepted: (rowId, fieldId) => accepted.push(`${rowId}.${fieldId}`),
      refusedAt: (rowId, fieldId) => marks.get(`${rowId}\u0000${fieldId}`),
    });
    const set = sales?.valueSetter;
    if (typeof set !== 'function') throw new Error('no value setter');
    const row: Row = { id: 'r', version: 1, cells: { sales: 12 } };
    expect(set({ data: row, newValue: 'abc', node: { rowIndex: 4 } } as never)).toBe(false);
    expect(row.cells.sales).toBe(12);
    expect(refused).toEqual([{ field: fields[1], row, rowIndex: 4, text: 'abc', reason: 'notNumber' }]);
    expect(set({ data: row, newValue: '12', node: { rowIndex: 4 } } as never)).toBe(false);
    expect(set({ data: row, newValue: '1.2万', node: { rowIndex: 4 } } as never)).toBe(true);
    expect(row.cells.sales).toBe(12000);
    expect(accepted).toEqual(['r.sales', 'r.sales']);
    const rule = sales?.cellClassRules?.['ss-refused'];
    expect(typeof rule === 'function' && rule({ data: row } as never)).toBe(true);
    const tip = sales?.tooltipValueGetter;
    expect(typeof tip === 'function' && tip({ data: row, value: 12 } as never)).toBe('why');
  });

  it('shows blanks and errors of a grouping column as the unclassified chip', () => {
    const tier = fields[5] as Field;
    expect(chipHtml(tier, null, ctx)).toMatchObject({ text: 'Unclassified', bg: UNCLASSIFIED_COLOR });
    expect(chipHtml(tier, { error: '#N/A' }, ctx).text).toBe('Unclassified');
    expect(chipHtml(tier, '高', ctx)).toMatchObject({ text: '高', bg: '#fecaca' });
  });

  it('gives undeclared values a stable colour', () => {
    const tier = fields[5] as Field;
    expect(groupColor(tier, '其他')).toBe(groupColor(tier, '其他'));
  });

  it('formats numbers and dates per locale', () => {
    expect(formatCell(fields[1] as Field, 1234.5, 'en')).toBe('1,234.5');
    expect(formatCell(fields[1] as Field, 1234.5, 'zh-CN')).toBe('1,234.5');
    expect(formatDate('2024-01-05', 'en')).toBe('01/05/2024');
    expect(formatDate('2024-01-05', 'zh-CN')).toBe('2024/01/05');
    expect(formatCell(fields[0] as Field, { error: '#DIV/0!' }, 'en')).toBe('#DIV/0!');
  });
});
