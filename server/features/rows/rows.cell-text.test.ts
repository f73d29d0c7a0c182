// API string writes read cell text as the grid and imports do (common/cell-text), and refuse the rest by name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, RowsInsertResult, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  const res = await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
    name: '客户',
    fields: [
      { name: '销售额', type: 'number' },
      { name: '日期', type: 'date' },
      { name: '会员', type: 'boolean' },
    ],
  });
  table = as<Table>(res.json);
});
afterEach(async () => {
  await h.close();
});

async function write(cells: Record<string, string>, lang = 'en') {
  const body = { rows: [{ cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [id(k), v])) }] };
  return h.request('POST', `/api/tables/${table.id}/rows`, body, { 'accept-language': lang });
}

describe('API string writes', () => {
  it('read the Excel/WPS forms the grid reads', async () => {
    const cases: [string, number][] = [
      ['1.2万', 12000], ['3亿', 300000000], ['12%', 0.12], ['1.5%', 0.015], ['(12)', -12], ['(¥1,234.50)', -1234.5],
      ['€5', 5], ['£7.25', 7.25], ['１２３', 123], ['－５', -5], ['100元', 100], ['1.2万元', 12000], [' 1e3 ', 1000],
    ];
    for (const [text, value] of cases) {
      const res = await write({ 销售额: text });
      expect(res.status, text).toBe(201);
      expect(as<RowsInsertResult>(res.json).rows[0]?.cells[id('销售额')], text).toBe(value);
    }
    const res = await write({ 销售额: '  ', 日期: '2024年1月5日 13:45', 会员: '√' });
    expect(as<RowsInsertResult>(res.json).rows[0]?.cells).toEqual({ [id('销售额')]: null, [id('日期')]: '2024-01-05', [id('会员')]: true });
    expect(as<RowsInsertResult>((await write({ 会员: '假' })).json).rows[0]?.cells[id('会员')]).toBe(false);
  });

  it('refuse codes and over-long digit strings in a number field, saying why and suggesting a text field', async () => {
    const zero = await write({ 销售额: '0123' });
    expect(zero.status).toBe(422);
    const env = as<ErrorEnvelope>(zero.json);
    expect(env.error.code).toBe('INVALID_CELL');
    expect(env.error.details).toMatchObject({ fieldName: '销售额', row: 1, value: '0123' });
    expect(env.error.message).toBe('Row 1, field "销售额": "0123" starts with 0, so it is a code, not a number: keep it in a text field. Nothing was saved.');
    const id18 = as<ErrorEnvelope>((await write({ 销售额: '110101199058202938' }, 'zh-CN')).json);
    expect(id18.error.message).toBe('第 1 行的字段“销售额”的值无效：“110101199058202938”超过 15 位数字，数字无法精确保存：请用文本字段保存。没有保存任何内容。');
    expect(id18.error.details).toMatchObject({ reason: '“110101199058202938”超过 15 位数字，数字无法精确保存：请用文本字段保存' });
  });

  it('name the accepted date forms when a date is refused', async () => {
    const env = as<ErrorEnvelope>((await write({ 日期: 'tomorrow' })).json);
    expect(env.error.details).toMatchObject({ reason: '"tomorrow" is not a date (use 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日 or 1/5/2024)' });
  });
});
