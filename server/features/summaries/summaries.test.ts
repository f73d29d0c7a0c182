import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, SummaryResult, Table, Workbook } from '../../wire';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '省份', type: 'select', options: [{ value: '浙江', color: '#1' }, { value: '广东', color: '#2' }, { value: '北京', color: '#3' }] },
          { name: '城市', type: 'text' },
          { name: '销售额', type: 'number' },
          {
            name: '等级',
            type: 'formula',
            formula: 'IFS({销售额}>=100,"高",{销售额}>0,"低",TRUE,1/0)',
            groups: [{ value: '高', color: '#f00' }, { value: '中', color: '#0f0' }, { value: '低', color: '#00f' }],
          },
        ],
      })
    ).json,
  );
  const rows: [string | null, string | null, number | null][] = [
    ['广东', '深圳', 200],
    ['广东', '广州', 50],
    ['广东', '深圳', 10],
    ['浙江', '杭州', 300],
    [null, null, 0],
    [null, '上海', 120],
  ];
  const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
    rows: rows.map(([p, c, s]) => ({ cells: { [id('省份')]: p, [id('城市')]: c, [id('销售额')]: s } })),
  });
  expect(res.status).toBe(201);
});
afterEach(async () => {
  await h.close();
});

async function summary(body: unknown): Promise<SummaryResult> {
  const res = await h.request('POST', `/api/tables/${table.id}/summary`, body);
  expect(res.status).toBe(200);
  return as<SummaryResult>(res.json);
}

describe('summary', () => {
  it('groups a select field in option order, then blank, with measures and shares', async () => {
    const s = await summary({ groupBy: [id('省份')], measures: [{ op: 'sum', fieldId: id('销售额') }, { op: 'max', fieldId: id('销售额') }] });
    expect(s.total).toBe(6);
    expect(s.groups).toEqual([
      { key: ['浙江'], count: 1, measures: [300, 300], share: 1 / 6 },
      { key: ['广东'], count: 3, measures: [260, 200], share: 0.5 },
      { key: [null], count: 2, measures: [120, 120], share: 2 / 6 },
    ]);
  });

  it('orders formula groups by their groups, then blank, then errors by code', async () => {
    const s = await summary({ groupBy: [id('等级')], measures: [{ op: 'avg', fieldId: id('销售额') }] });
    expect(s.groups.map((g) => [g.key[0], g.count])).toEqual([
      ['高', 3],
      ['低', 2],
      [{ error: '#DIV/0!' }, 1],
    ]);
  });

  it('orders other values by count and groups by two fields with a filter', async () => {
    const s = await summary({ groupBy: [id('城市')] });
    expect(s.groups[0]).toMatchObject({ key: ['深圳'], count: 2 });
    expect(s.groups.at(-1)).toMatchObject({ key: [null], count: 1 });
    const two = await summary({
      groupBy: [id('省份'), id('城市')],
      filter: { and: [{ fieldId: id('销售额'), op: 'gt', value: 0 }] },
    });
    expect(two.total).toBe(5);
    expect(two.groups.map((g) => g.key)).toEqual([['浙江', '杭州'], ['广东', '深圳'], ['广东', '广州'], [null, '上海']]);
  });

  it('refuses unknown fields, non-numeric measures and bad bodies', async () => {
    const unknown = await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: ['fnope'] });
    expect(unknown.status).toBe(404);
    const text = await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: [id('省份')], measures: [{ op: 'sum', fieldId: id('城市') }] });
    expect(text.status).toBe(400);
    const three = await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: [id('省份'), id('城市'), id('销售额')] });
    expect(as<ErrorEnvelope>(three.json).error.code).toBe('BAD_REQUEST');
  });
});
