import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Table, TrashItem, TrashList, Workbook } from '../../../common';
import { TrashListSchema } from '../../../common';

let h: Harness;
let wb: Workbook;
let table: Table;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  const body = { name: '客户', fields: [{ name: '名称', type: 'text' }, { name: '销售额', type: 'number' }] };
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, body)).json);
});
afterEach(async () => {
  await h.close();
});

async function trashOf(workbookId: string): Promise<TrashItem[]> {
  const res = await h.request('GET', `/api/workbooks/${workbookId}/trash`);
  expect(res.status).toBe(200);
  return TrashListSchema.parse(res.json).items;
}

describe('trash list', () => {
  it('answers the trashed object’s own id next to the trash id, for fields, tables and workbooks', async () => {
    const sales = table.fields.find((f) => f.name === '销售额')!;
    expect((await h.request('DELETE', `/api/fields/${sales.id}`)).status).toBe(204);
    const [field] = await trashOf(wb.id);
    expect(field).toMatchObject({ kind: 'field', name: '销售额', objectId: sales.id, tableId: table.id, workbookId: wb.id });
    expect(field!.id).not.toBe(sales.id);

    expect((await h.request('DELETE', `/api/tables/${table.id}`)).status).toBe(204);
    expect((await trashOf(wb.id))[0]).toMatchObject({ kind: 'table', objectId: table.id });

    expect((await h.request('DELETE', `/api/workbooks/${wb.id}`)).status).toBe(204);
    const workbooks = TrashListSchema.parse(as<TrashList>((await h.request('GET', '/api/trash')).json)).items;
    expect(workbooks).toEqual([expect.objectContaining({ kind: 'workbook', objectId: wb.id, workbookId: wb.id })]);
  });

  it('still restores by the trash id', async () => {
    const sales = table.fields.find((f) => f.name === '销售额')!;
    await h.request('DELETE', `/api/fields/${sales.id}`);
    const [item] = await trashOf(wb.id);
    expect((await h.request('POST', `/api/trash/${item!.id}/restore`)).status).toBe(200);
    expect((await h.request('POST', `/api/trash/${item!.objectId}/restore`)).status).toBe(404);
    expect(await trashOf(wb.id)).toEqual([]);
  });
});
