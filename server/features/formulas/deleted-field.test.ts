// A field that formulas use goes to the trash: the formulas keep showing its name (not its id), their cells
// and the explain trace say it was deleted and can be restored, and a restore brings everything back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { ExplainResult, RowsInsertResult, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let customers: Table;
let orders: Table;
let rowId: string;
const id = (name: string): string => customers.fields.find((f) => f.name === name)?.id ?? '';

async function formulaOf(tableId: string, name: string): Promise<string | undefined> {
  const t = as<Table>((await h.request('GET', `/api/tables/${tableId}`)).json);
  return t.fields.find((f) => f.name === name)?.formula;
}

async function gradeCell(): Promise<unknown> {
  const page = as<RowsPage>((await h.request('GET', `/api/tables/${customers.id}/rows`)).json);
  return page.rows.find((r) => r.id === rowId)?.cells[id('等级')];
}

async function explainGrade(language: 'zh-CN' | 'en'): Promise<ExplainResult> {
  const res = await h.request('GET', `/api/tables/${customers.id}/rows/${rowId}/explain/${id('等级')}`, undefined, { 'accept-language': language });
  expect(res.status).toBe(200);
  return as<ExplainResult>(res.json);
}

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN' })).json);
  customers = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '客户',
        fields: [
          { name: '销售额', type: 'number' },
          { name: '等级', type: 'formula', formula: 'IF({销售额}>=100,"高","低")' },
        ],
      })
    ).json,
  );
  orders = as<Table>(
    (
      await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
        name: '订单',
        fields: [{ name: '客户总额', type: 'formula', formula: 'SUM(客户[销售额])' }],
      })
    ).json,
  );
  const ins = await h.request('POST', `/api/tables/${customers.id}/rows`, { rows: [{ cells: { [id('销售额')]: 300 } }] });
  rowId = as<RowsInsertResult>(ins.json).rows[0]!.id;
  expect((await h.request('DELETE', `/api/fields/${id('销售额')}`)).status).toBe(204);
});
afterEach(async () => {
  await h.close();
});

describe('a formula whose field is in the trash', () => {
  it('shows the deleted field by name in its formula, in this table and in another', async () => {
    expect(await formulaOf(customers.id, '等级')).toBe('IF({销售额}>=100,"高","低")');
    expect(await formulaOf(orders.id, '客户总额')).toBe('SUM(客户[销售额])');
  });

  it('has #REF! cells whose message names the field and the way back', async () => {
    expect(await gradeCell()).toEqual({ error: '#REF!', message: '找不到字段“销售额”（已删除，可从回收站恢复）' });
  });

  it('explains itself with the name, in the asked language', async () => {
    const zh = await explainGrade('zh-CN');
    expect(zh.trace.text).toBe('IF({销售额}>=100,"高","低")');
    expect(zh.trace.note).toBe('找不到字段“销售额”（已删除，可从回收站恢复）');
    expect(JSON.stringify(zh)).not.toContain(id('销售额'));
    const en = await explainGrade('en');
    expect(en.trace.note).toBe('Field “销售额” was deleted (restore it from the trash)');
  });

  it('works again after the field is restored', async () => {
    const trash = as<{ items: { id: string; kind: string }[] }>((await h.request('GET', `/api/workbooks/${wb.id}/trash`)).json);
    const item = trash.items.find((i) => i.kind === 'field')!;
    expect((await h.request('POST', `/api/trash/${item.id}/restore`)).status).toBe(200);
    expect(await gradeCell()).toBe('高');
    expect(await formulaOf(customers.id, '等级')).toBe('IF({销售额}>=100,"高","低")');
    const explained = await explainGrade('zh-CN');
    expect(explained.value).toBe('高');
    expect(explained.trace.note).not.toMatch(/删除/);
    expect(explained.trace.children.length).toBeGreaterThan(0);
  });

  it('a new field with the deleted name does not make the old formula look working', async () => {
    const created = await h.request('POST', `/api/tables/${customers.id}/fields`, { name: '销售额', type: 'number' });
    expect(created.status).toBe(201);
    expect(await gradeCell()).toMatchObject({ error: '#REF!' });
    expect((await explainGrade('en')).trace.note).toBe('Field “销售额” was deleted (restore it from the trash)');
  });
});
