// Sorting a grouping column follows its group order (not character codes) in the rows API and in exports;
// text that reads as a number sorts as that number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Field, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? `no field ${name}`;

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '名称', type: 'text' },
          { name: '销售额', type: 'number' },
          { name: '编号', type: 'text' },
        ],
      })
    ).json,
  );
  const rows: [string, number | null, string][] = [
    ['甲', 50, '10'],
    ['乙', 500, '9'],
    ['丙', 5, 'x2'],
    ['丁', null, '100'],
    ['戊', 200, '2.5'],
  ];
  await h.request('POST', `/api/tables/${table.id}/rows`, {
    rows: rows.map(([n, s, c]) => ({ cells: { [id('名称')]: n, [id('销售额')]: s, [id('编号')]: c } })),
  });
  const tier = await h.request('POST', `/api/tables/${table.id}/fields`, {
    name: '价值',
    type: 'formula',
    formula: 'IFS({销售额}>=200, "高价值", {销售额}>=50, "中价值", {销售额}>=0, "低价值")',
    groups: [
      { value: '高价值', color: '#c00' },
      { value: '中价值', color: '#cc0' },
      { value: '低价值', color: '#0c0' },
    ],
  });
  expect(tier.status).toBe(201);
  const score = await h.request('POST', `/api/tables/${table.id}/fields`, {
    name: '分数',
    type: 'formula',
    formula: 'NTILE([销售额], {销售额}, 3)',
    groups: [
      { value: '3', color: '#c00' },
      { value: '2', color: '#cc0' },
      { value: '1', color: '#0c0' },
    ],
  });
  expect(score.status).toBe(201);
  table = as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json);
});
afterEach(async () => {
  await h.close();
});

async function sorted(field: string, dir: 'asc' | 'desc', read = '名称'): Promise<unknown[]> {
  const res = await h.request('GET', `/api/tables/${table.id}/rows?sort=${id(field)}:${dir}`);
  expect(res.status).toBe(200);
  return as<RowsPage>(res.json).rows.map((r) => r.cells[id(read)]);
}

describe('sorting by a grouping column', () => {
  it('follows the group order in the rows API, blanks last', async () => {
    // A blank amount counts as 0 in the comparisons: 丁 is 低价值 too.
    expect(await sorted('价值', 'asc', '价值')).toEqual(['高价值', '高价值', '中价值', '低价值', '低价值']);
    expect(await sorted('价值', 'desc', '价值')).toEqual(['低价值', '低价值', '中价值', '高价值', '高价值']);
    // Numbers computed by NTILE match the declared groups "3", "2", "1".
    expect(await sorted('分数', 'asc', '分数')).toEqual([3, 2, 1, 1, null]);
    expect(await sorted('分数', 'desc', '分数')).toEqual([1, 1, 2, 3, null]);
  });

  it('sorts text that reads as a number as that number, before other text', async () => {
    expect(await sorted('编号', 'asc', '编号')).toEqual(['2.5', '9', '10', '100', 'x2']);
    expect(await sorted('编号', 'desc', '编号')).toEqual(['x2', '100', '10', '9', '2.5']);
  });

  it('exports in the same order', async () => {
    const res = await h.segsheet.app.request(`/api/tables/${table.id}/export?format=csv&sort=${id('价值')}:asc&fields=${id('名称')},${id('价值')}`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.slice(1).map((l) => l.split(',')[1] ?? '')).toEqual(['高价值', '高价值', '中价值', '低价值', '低价值']);
  });

  it('follows a select field\'s options', async () => {
    const f = as<Field>(
      (
        await h.request('POST', `/api/tables/${table.id}/fields`, {
          name: '阶段',
          type: 'select',
          options: [
            { value: '潜在', color: '#999' },
            { value: '新客', color: '#0c0' },
            { value: '流失', color: '#c00' },
          ],
        })
      ).json,
    );
    table = as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json);
    const rows = as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows`)).json).rows;
    const stages = ['流失', '潜在', '新客', '流失', '潜在'];
    await h.request('PATCH', `/api/tables/${table.id}/rows`, { rows: rows.map((r, i) => ({ id: r.id, cells: { [f.id]: stages[i] ?? null } })) });
    expect(await sorted('阶段', 'asc', '阶段')).toEqual(['潜在', '潜在', '新客', '流失', '流失']);
  });
});
