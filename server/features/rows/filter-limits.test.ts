// The filter compiler's limits (nesting, conditions, `in` lists, sort fields) and its date values, through every
// route that takes a filter: over a limit is a 400 that names it in the reader's language, never SQLite's 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, MAX_JSON_DEPTH, MAX_SORT_FIELDS } from '../../../common';
import type { ErrorEnvelope, Filter, HistogramResult, RowsPage, SummaryResult, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeAll(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '名称', type: 'text' },
          { name: '销售额', type: 'number' },
          { name: '日期', type: 'date' },
        ],
      })
    ).json,
  );
  const rows = Array.from({ length: 50 }, (_, i) => ({ cells: { [id('名称')]: `c${i}`, [id('销售额')]: i, [id('日期')]: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` } }));
  expect((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).status).toBe(201);
});
afterAll(async () => {
  await h.close();
});

/** `levels` and-groups, one inside the other, around one condition that every row meets. */
function nested(levels: number): Filter {
  let f: Filter = { and: [{ fieldId: id('名称'), op: 'notEmpty' }] };
  for (let i = 1; i < levels; i++) f = { and: [f] };
  return f;
}

/** The rows count through the three routes that take a filter (GET rows, summary, histogram); all must agree. */
async function counts(filter: Filter): Promise<number> {
  const rows = await h.request('GET', `/api/tables/${table.id}/rows?limit=1&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(rows.status).toBe(200);
  const summary = await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: [id('日期')], filter });
  expect(summary.status).toBe(200);
  const histogram = await h.request('POST', `/api/tables/${table.id}/histogram`, { fieldId: id('销售额'), filter });
  expect(histogram.status).toBe(200);
  const total = as<RowsPage>(rows.json).total;
  expect(as<SummaryResult>(summary.json).total).toBe(total);
  expect(as<HistogramResult>(histogram.json).count).toBe(total);
  return total;
}

/** The same filter refused by every route with the same error (the answer of GET rows). */
async function refused(filter: unknown, lang: 'en' | 'zh-CN' = 'en'): Promise<ErrorEnvelope['error']> {
  const headers = { 'accept-language': lang };
  const answers = [
    await h.request('GET', `/api/tables/${table.id}/rows?filter=${encodeURIComponent(JSON.stringify(filter))}`, undefined, headers),
    await h.request('GET', `/api/tables/${table.id}/export?filter=${encodeURIComponent(JSON.stringify(filter))}`, undefined, headers),
    await h.request('POST', `/api/tables/${table.id}/summary`, { groupBy: [id('日期')], filter }, headers),
    await h.request('POST', `/api/tables/${table.id}/histogram`, { fieldId: id('销售额'), filter }, headers),
  ];
  for (const a of answers) expect(a.status).toBe(400);
  const errors = answers.map((a) => as<ErrorEnvelope>(a.json).error);
  const [first] = errors;
  // A body nests one level deeper than the filter alone: the JSON limit's `actual` differs, nothing else.
  for (const e of errors) expect({ ...e, message: '', details: { ...e.details, actual: 0 } }).toEqual({ ...first, message: '', details: { ...first?.details, actual: 0 } });
  return first!;
}

describe('filter limits', () => {
  it(`nests and/or groups ${MAX_FILTER_DEPTH} deep, and refuses one more level naming the limit`, async () => {
    expect(await counts(nested(MAX_FILTER_DEPTH))).toBe(50);
    const over = await refused(nested(MAX_FILTER_DEPTH + 1));
    expect(over).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'filterDepth', max: MAX_FILTER_DEPTH, actual: MAX_FILTER_DEPTH + 1 } });
    expect(over.message).toBe(`The nesting depth of the filter's and/or groups is ${MAX_FILTER_DEPTH + 1}, over the limit of ${MAX_FILTER_DEPTH}.`);
    expect((await refused(nested(MAX_FILTER_DEPTH + 1), 'zh-CN')).message).toBe(`筛选条件中“且/或”分组的嵌套层数为 ${MAX_FILTER_DEPTH + 1}，超过了上限 ${MAX_FILTER_DEPTH}。`);
  });

  it('refuses a filter nested 900 deep (it overflowed the stack) by the JSON nesting limit', async () => {
    const e = await refused(nested(900));
    expect(e).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'jsonDepth', max: MAX_JSON_DEPTH, actual: 2 * 900 + 1 } });
    expect(e.message).toContain(`over the limit of ${MAX_JSON_DEPTH}`);
  });

  it(`takes ${MAX_FILTER_CONDITIONS} OR terms (SQLite's expression depth is 1,000), and refuses one more`, async () => {
    const terms = (n: number): Filter => ({ or: Array.from({ length: n }, (_, i) => ({ fieldId: id('销售额'), op: 'eq' as const, value: i })) });
    expect(await counts(terms(MAX_FILTER_CONDITIONS))).toBe(50);
    const and: Filter = { and: Array.from({ length: MAX_FILTER_CONDITIONS }, (_, i) => ({ fieldId: id('销售额'), op: 'gte' as const, value: i % 10 })) };
    expect(await counts(and)).toBe(41);
    const over = await refused(terms(MAX_FILTER_CONDITIONS + 1));
    expect(over).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'filterConditions', max: MAX_FILTER_CONDITIONS, actual: MAX_FILTER_CONDITIONS + 1 } });
    expect(over.message).toContain('use one "in" condition');
    // Conditions are counted over every group.
    expect((await refused({ and: [terms(MAX_FILTER_CONDITIONS), { fieldId: id('名称'), op: 'notEmpty' }] })).details).toMatchObject({ actual: MAX_FILTER_CONDITIONS + 1 });
  });

  it("takes `in` lists past SQLite's 32,766 variables: one list is one condition, bound once", async () => {
    const values = (n: number): (string | number)[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1_000 + i : `x${i}`));
    for (const n of [32_767, 100_000]) {
      const list = [...values(n), 7, 'C9', 42];
      // Text matches without regard to case, as eq does; numbers as numbers.
      expect(await counts({ and: [{ fieldId: id('销售额'), op: 'in', value: list }] })).toBe(2);
      expect(await counts({ and: [{ fieldId: id('名称'), op: 'in', value: list }] })).toBe(1);
    }
    expect(await counts({ and: [{ fieldId: id('日期'), op: 'in', value: ['2024/1/3', null, '2024-01-04'] }] })).toBe(4);
  });

  it('compares date fields with real dates only, in any form a date cell takes', async () => {
    expect(await counts({ and: [{ fieldId: id('日期'), op: 'between', value: ['2024/1/1', '2024年1月2日'] }] })).toBe(4);
    expect(await counts({ and: [{ fieldId: id('日期'), op: 'contains', value: '-0' }] })).toBe(50);
    for (const bad of ['2024-02-30', '0000-00-00', '2024-13-45', 'soon', 20240101]) {
      const e = await refused({ and: [{ fieldId: id('日期'), op: 'gt', value: bad }] });
      expect(e).toMatchObject({ code: 'BAD_REQUEST', details: { fieldId: id('日期') } });
      expect(e.message).toContain('field "日期"');
      expect(e.message).toContain('is not a date (use YYYY-MM-DD)');
    }
    const zh = await refused({ and: [{ fieldId: id('日期'), op: 'eq', value: '2024-02-30' }] }, 'zh-CN');
    expect(zh.message).toBe('请求格式不正确：筛选条件把字段“日期”与 “2024-02-30” 比较，但它不是日期（请用 YYYY-MM-DD）。');
  });

  it(`sorts by up to ${MAX_SORT_FIELDS} fields and refuses more (SQLite's ORDER BY takes 2,000 terms)`, async () => {
    const sort = (n: number): string => Array.from({ length: n }, (_, i) => `${id(['名称', '销售额', '日期'][i % 3] ?? '')}:desc`).join(',');
    const ok = await h.request('GET', `/api/tables/${table.id}/rows?limit=1&sort=${sort(MAX_SORT_FIELDS)}`);
    expect(ok.status).toBe(200);
    expect(as<RowsPage>(ok.json).rows[0]?.cells[id('名称')]).toBe('c9');
    for (const url of [`/api/tables/${table.id}/rows?sort=${sort(1_200)}`, `/api/tables/${table.id}/export?sort=${sort(MAX_SORT_FIELDS + 1)}`]) {
      const over = await h.request('GET', url);
      expect(over.status).toBe(400);
      expect(as<ErrorEnvelope>(over.json).error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'sortFields', max: MAX_SORT_FIELDS } });
    }
  });
});
