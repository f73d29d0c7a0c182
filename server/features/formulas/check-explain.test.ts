import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ErrorEnvelope, ExplainResult, FormulaCheckResult, RowsInsertResult, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
let rowIds: string[];
const id = (name: string): string => table.fields.find((f) => f.name === name)?.id ?? '';

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN' })).json);
  table = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '销售额', type: 'number' },
          { name: '等级', type: 'formula', formula: 'IF({销售额}>=100,"高","低")' },
          { name: 'ABC', type: 'formula', formula: 'IFS(PARETO([销售额],{销售额})<=0.8,"A",TRUE,"C")' },
        ],
      })
    ).json,
  );
  const ins = await h.request('POST', `/api/tables/${table.id}/rows`, { rows: [300, 50, 20].map((v) => ({ cells: { [id('销售额')]: v } })) });
  rowIds = as<RowsInsertResult>(ins.json).rows.map((r) => r.id);
});
afterEach(async () => {
  await h.close();
});

describe('formulas/check', () => {
  it('answers ok with the result type and a preview of the first rows', async () => {
    const res = await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source: '{销售额}*2' });
    expect(res.status).toBe(200);
    expect(as<FormulaCheckResult>(res.json)).toEqual({
      ok: true,
      resultType: 'number',
      preview: rowIds.map((rowId, i) => ({ rowId, value: [600, 100, 40][i] })),
    });
    const col = as<FormulaCheckResult>((await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source: 'RANK({销售额},[销售额])' })).json);
    expect(col.ok && col.preview.map((p) => p.value)).toEqual([1, 2, 3]);
  });

  it('answers diagnostics with positions in the asked language', async () => {
    const res = await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source: '{销量}+1' }, { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(200);
    const body = as<FormulaCheckResult>(res.json);
    expect(body.ok).toBe(false);
    if (!body.ok) {
      expect(body.diagnostics[0]).toMatchObject({ code: 'FORMULA_UNKNOWN_FIELD', start: 1 });
      expect(body.diagnostics[0]?.message).toMatch(/字段/);
    }
    const cyc = as<FormulaCheckResult>((await h.request('POST', `/api/tables/${table.id}/formulas/check`, { source: '{等级}&"x"', fieldId: id('等级') })).json);
    expect(cyc.ok).toBe(false);
  });
});

describe('explain', () => {
  it('answers the trace of a cell', async () => {
    const res = await h.request('GET', `/api/tables/${table.id}/rows/${rowIds[0]}/explain/${id('等级')}`);
    expect(res.status).toBe(200);
    const body = as<ExplainResult>(res.json);
    expect(body.value).toBe('高');
    expect(body.trace.text).toBe('IF({销售额}>=100,"高","低")');
    expect(body.trace.children.length).toBeGreaterThan(0);
    const abc = as<ExplainResult>((await h.request('GET', `/api/tables/${table.id}/rows/${rowIds[1]}/explain/${id('ABC')}`)).json);
    expect(abc.value).toBe('C');
    expect(JSON.stringify(abc.trace)).toContain('PARETO');
  });

  it('answers 404 for unknown rows and 400 for non-formula fields', async () => {
    expect((await h.request('GET', `/api/tables/${table.id}/rows/999/explain/${id('等级')}`)).status).toBe(404);
    const res = await h.request('GET', `/api/tables/${table.id}/rows/${rowIds[0]}/explain/${id('销售额')}`);
    expect(res.status).toBe(400);
    expect(as<ErrorEnvelope>(res.json).error.code).toBe('BAD_REQUEST');
  });
});
