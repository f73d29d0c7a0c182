import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Dashboard, ErrorEnvelope, Table, TemplateApplyResult, Workbook } from '../../../common';

let h: Harness;
let wb: Workbook;
let table: Table;

beforeEach(async () => {
  h = await openHarness();
  wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'en' })).json);
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'Customers', fields: [{ name: 'Sales', type: 'number' }] })).json);
  const rows = Array.from({ length: 10 }, (_, i) => ({ cells: { [table.fields[0]!.id]: (i + 1) * 100 } }));
  await h.request('POST', `/api/tables/${table.id}/rows`, { rows });
});
afterEach(async () => {
  await h.close();
});

type ApplyAnswer = TemplateApplyResult;

describe('templates', () => {
  it('lists templates and answers one', async () => {
    const list = as<{ id: string }[]>((await h.request('GET', '/api/templates')).json);
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['value-tiers', 'abc', 'rfm', 'lifecycle']));
    expect((await h.request('GET', '/api/templates/abc')).status).toBe(200);
    expect((await h.request('GET', '/api/templates/nope')).status).toBe(404);
  });

  it('applies value tiers: dry run makes nothing, apply makes the fields, a second apply conflicts, undo removes', async () => {
    const body = { tableId: table.id, mapping: { amount: table.fields[0]!.id } };
    const dry = await h.request('POST', '/api/templates/value-tiers/apply', { ...body, dryRun: true });
    expect(dry.status).toBe(200);
    const dryAnswer = as<ApplyAnswer>(dry.json);
    expect(dryAnswer.groups.tier?.map((g) => [g.key, g.count])).toEqual([
      ['high', 2],
      ['mid', 3],
      ['low', 5],
    ]);
    expect(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).fields).toHaveLength(1);
    const applied = await h.request('POST', '/api/templates/value-tiers/apply', body);
    expect(applied.status).toBe(200);
    const answer = as<ApplyAnswer>(applied.json);
    expect(answer.fields[0]).toMatchObject({ type: 'formula' });
    expect(answer.table.fields.length).toBeGreaterThan(1);
    const again = await h.request('POST', '/api/templates/value-tiers/apply', body);
    expect(again.status).toBe(409);
    expect(as<ErrorEnvelope>(again.json).error.code).toBe('TEMPLATE_FIELD_EXISTS');
    expect((await h.request('POST', '/api/templates/value-tiers/apply', { ...body, onConflict: 'rename' })).status).toBe(200);
    await h.request('POST', `/api/workbooks/${wb.id}/undo`);
    await h.request('POST', `/api/workbooks/${wb.id}/undo`);
    expect(as<Table>((await h.request('GET', `/api/tables/${table.id}`)).json).fields).toHaveLength(1);
  });

  it('answers the recommended charts over the fields it made, unsaved, with ids free on the dashboard', async () => {
    const sales = table.fields[0]!.id;
    const body = { tableId: table.id, mapping: { amount: sales } };
    const dry = as<ApplyAnswer>((await h.request('POST', '/api/templates/value-tiers/apply', { ...body, dryRun: true })).json);
    expect(dry.charts).toEqual([]);
    const answer = as<ApplyAnswer>((await h.request('POST', '/api/templates/value-tiers/apply', body)).json);
    const tier = answer.fields.find((f) => f.name === 'Value tier')!;
    expect(tier, 'the tier field').toBeDefined();
    expect(answer.charts).toEqual([
      { id: 'tier_count', tableId: table.id, kind: 'bar', title: 'Customers per tier', fields: [tier.id], place: { x: 0, y: 0, w: 2, h: 1 } },
      {
        id: 'tier_revenue', tableId: table.id, kind: 'donut', title: 'Revenue share per tier', fields: [tier.id],
        measures: [{ op: 'sum', fieldId: sales }], place: { x: 0, y: 1, w: 2, h: 1 },
      },
    ]);
    // Not saved: the dashboard is as it was.
    expect(as<Dashboard>((await h.request('GET', `/api/workbooks/${wb.id}/dashboard`)).json).charts).toEqual([]);

    // Saved, then applied again under new names: other ids, below the saved charts, over the renamed fields.
    await h.request('PUT', `/api/workbooks/${wb.id}/dashboard`, { charts: answer.charts });
    const again = as<ApplyAnswer>((await h.request('POST', '/api/templates/value-tiers/apply', { ...body, onConflict: 'rename' })).json);
    const tier2 = again.fields.find((f) => f.name === 'Value tier 2')!;
    expect(again.charts.map((c) => [c.id, c.fields, c.place.y])).toEqual([
      ['tier_count-2', [tier2.id], 2],
      ['tier_revenue-2', [tier2.id], 3],
    ]);
    const both = [...answer.charts, ...again.charts];
    expect(new Set(both.map((c) => c.id)).size).toBe(4);
    expect((await h.request('PUT', `/api/workbooks/${wb.id}/dashboard`, { charts: both })).status).toBe(200);
  });

  it('answers 422 TEMPLATE_INPUT_MISSING for an unmapped required input', async () => {
    const res = await h.request('POST', '/api/templates/abc/apply', { tableId: table.id, mapping: {} });
    expect(res.status).toBe(422);
    expect(as<ErrorEnvelope>(res.json).error.code).toBe('TEMPLATE_INPUT_MISSING');
  });
});

describe('new workbook from a template', () => {
  it('makes a workbook with sample data, outputs and a dashboard', async () => {
    for (const id of ['value-tiers', 'rfm']) {
      const res = await h.request('POST', `/api/templates/${id}/workbooks`, { language: 'zh-CN', rows: 50 });
      expect(res.status).toBe(201);
      const made = as<Workbook>(res.json);
      expect(made.language).toBe('zh-CN');
      expect(made.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(made.tables.length).toBeGreaterThan(0);
      const dash = as<{ charts: { tableId: string }[] }>((await h.request('GET', `/api/workbooks/${made.id}/dashboard`)).json);
      expect(dash.charts.length).toBeGreaterThan(0);
    }
  });

  it('saves the recommended charts over the sample table as its dashboard', async () => {
    const made = as<Workbook>((await h.request('POST', '/api/templates/value-tiers/workbooks', { language: 'en', rows: 30 })).json);
    const sample = as<Table>((await h.request('GET', `/api/tables/${made.tables[0]!.id}`)).json);
    const idOf = (name: string): string => sample.fields.find((f) => f.name === name)?.id ?? `no field ${name}`;
    const dash = as<Dashboard>((await h.request('GET', `/api/workbooks/${made.id}/dashboard`)).json);
    expect(dash.charts).toEqual([
      { id: 'tier_count', tableId: sample.id, kind: 'bar', title: 'Customers per tier', fields: [idOf('Value tier')], place: { x: 0, y: 0, w: 2, h: 1 } },
      {
        id: 'tier_revenue', tableId: sample.id, kind: 'donut', title: 'Revenue share per tier', fields: [idOf('Value tier')],
        measures: [{ op: 'sum', fieldId: idOf('Total spend') }], place: { x: 0, y: 1, w: 2, h: 1 },
      },
    ]);
  });
});
