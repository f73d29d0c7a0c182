import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import { MAX_BATCH_ROWS } from '../../../common';
import type { ErrorEnvelope, SummaryResult, Table, Workbook } from '../../../common';
import { startScanWorker, workerScans } from './scan-pool';

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

  it('groups booleans and takes the earliest and latest date of each group', async () => {
    const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W2' })).json);
    const t = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
      name: '会员',
      fields: [{ name: '会员', type: 'boolean' }, { name: '日期', type: 'date' }, { name: '金额', type: 'number' }],
    })).json);
    const f = (name: string): string => t.fields.find((x) => x.name === name)?.id ?? '';
    const rows: [boolean | null, string | null, number | null][] = [
      [true, '2024-03-01', 50],
      [true, '2024-01-15', 200],
      [false, null, 10],
      [null, '2023-12-31', null],
    ];
    const added = await h.request('POST', `/api/tables/${t.id}/rows`, {
      rows: rows.map(([m, d, a]) => ({ cells: { [f('会员')]: m, [f('日期')]: d, [f('金额')]: a } })),
    });
    expect(added.status).toBe(201);
    const res = await h.request('POST', `/api/tables/${t.id}/summary`, {
      groupBy: [f('会员')],
      measures: [{ op: 'min', fieldId: f('日期') }, { op: 'max', fieldId: f('日期') }, { op: 'sum', fieldId: f('金额') }, { op: 'avg', fieldId: f('金额') }],
    });
    expect(res.status).toBe(200);
    expect(as<SummaryResult>(res.json).groups).toEqual([
      { key: [true], count: 2, measures: ['2024-01-15', '2024-03-01', 250, 125], share: 0.5 },
      { key: [false], count: 1, measures: [null, null, 10, 10], share: 0.25 },
      { key: [null], count: 1, measures: ['2023-12-31', '2023-12-31', 0, null], share: 0.25 },
    ]);
  });

  it('refuses more than 10 000 groups with a clear reason', async () => {
    for (let from = 0; from < 10_001; from += MAX_BATCH_ROWS) {
      const res = await h.request('POST', `/api/tables/${table.id}/rows`, {
        rows: Array.from({ length: Math.min(MAX_BATCH_ROWS, 10_001 - from) }, (_, i) => ({ cells: { [id('城市')]: `城市${from + i}` } })),
      });
      expect(res.status).toBe(201);
    }
    // Once on the app's connection (the first summary only starts the scan worker), once in the worker.
    for (const inWorker of [false, true]) {
      const file = h.segsheet.dbFile;
      if (inWorker) expect(await startScanWorker(file)).toBe(true);
      const before = workerScans(file);
      const many = await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: [id('城市')] });
      expect(many.status).toBe(400);
      expect(as<ErrorEnvelope>(many.json).error.message).toMatch(/10000 groups/);
      expect(workerScans(file) - before).toBe(inWorker ? 1 : 0);
    }
    const fine = await summary({ groupBy: [id('省份')] });
    expect(fine.total).toBe(6 + 10_001);
  });
});
