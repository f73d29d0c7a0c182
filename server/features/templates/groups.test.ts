// The apply answer carries group counts for every output that groups customers (API.md "Applying a template"):
// the outputs with groups, and the score outputs (RFM's r_score, f_score, m_score: keys "1"–"5"), for every
// template of the catalogue, dry run and real apply alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTemplates, templateSample, type Template } from '../../../templates';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Table, TemplateApplyResult, Workbook } from '../../../common';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** Keys of the groups an output's counts are answered under, in order; undefined for an output that does not group. */
function expectedKeys(o: Template['outputs'][number]): string[] | undefined {
  if (o.groups) return o.groups.map((g) => g.key);
  if (o.scores) return Array.from({ length: o.scores.to - o.scores.from + 1 }, (_, i) => String(o.scores!.from + i));
  return undefined;
}

describe('apply answers groups for every grouping output', () => {
  it.each(listTemplates().map((t) => [t.id, t] as const))('%s', async (_id, t) => {
    const rows = 60;
    const made = as<Workbook>((await h.request('POST', `/api/templates/${t.id}/workbooks`, { language: 'en', rows })).json);
    const sampleTable = as<Table>((await h.request('GET', `/api/tables/${made.tables[0]!.id}`)).json);
    const sample = templateSample(t, { language: 'en', customers: rows });
    const mapping = Object.fromEntries(Object.entries(sample.mapping).map(([k, name]) => [k, sampleTable.fields.find((f) => f.name === name)!.id]));
    const fromOrders = t.sample.generator === 'orders';
    const body = { tableId: sampleTable.id, mapping, onConflict: 'rename', ...(fromOrders ? { source: 'transactions' } : {}) };
    const made2 = t.outputs.filter((o) => (o.requires ?? []).every((k) => k in sample.mapping));
    const grouping = made2.filter((o) => expectedKeys(o) !== undefined);

    for (const dryRun of [true, false]) {
      const res = await h.request('POST', `/api/templates/${t.id}/apply`, { ...body, dryRun });
      expect(res.status).toBe(200);
      const answer = as<TemplateApplyResult>(res.json);
      expect(Object.keys(answer.groups).sort()).toEqual(grouping.map((o) => o.key).sort());
      for (const o of grouping) {
        const counts = answer.groups[o.key]!;
        expect(counts.map((g) => g.key), o.key).toEqual(expectedKeys(o));
        const counted = counts.reduce((s, g) => s + g.count, 0);
        expect(counted, `${o.key}: rows in a group`).toBeGreaterThan(0);
        expect(counted, `${o.key}: at most every row`).toBeLessThanOrEqual(answer.table.rowCount);
      }
    }
  });

  it('counts RFM scores 1–5 as the cells hold them', async () => {
    const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W', language: 'zh-CN', asOf: '2024-12-31' })).json);
    const table = as<Table>(
      (
        await h.request('POST', `/api/workbooks/${wb.id}/tables`, {
          name: '客户',
          fields: [
            { name: '最近购买日期', type: 'date' },
            { name: '购买次数', type: 'number' },
            { name: '消费金额', type: 'number' },
          ],
        })
      ).json,
    );
    const [last, freq, money] = table.fields.map((f) => f.id) as [string, string, string];
    // Ten customers with distinct values: two per score. An eleventh without a last purchase is in no score of R.
    const rows = Array.from({ length: 10 }, (_, i) => ({ cells: { [last]: `2024-${String(i + 1).padStart(2, '0')}-15`, [freq]: i + 1, [money]: (i + 1) * 100 } }));
    rows.push({ cells: { [last]: null as unknown as string, [freq]: 1, [money]: 5 } });
    await h.request('POST', `/api/tables/${table.id}/rows`, { rows });
    const answer = as<TemplateApplyResult>(
      (await h.request('POST', '/api/templates/rfm/apply', { tableId: table.id, mapping: { last_purchase: last, frequency: freq, monetary: money } })).json,
    );
    expect(answer.groups.r_score).toEqual(['1', '2', '3', '4', '5'].map((k) => ({ key: k, value: k, count: 2 })));
    const f = answer.groups.f_score!;
    expect(f.map((g) => g.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(f.reduce((s, g) => s + g.count, 0)).toBe(11);
    // The counts are those of the cells.
    const rField = answer.fields.find((x) => x.name === 'R 得分')!;
    const cells = as<{ rows: { cells: Record<string, unknown> }[] }>((await h.request('GET', `/api/tables/${table.id}/rows?limit=100`)).json).rows.map((r) => r.cells[rField.id]);
    for (const k of [1, 2, 3, 4, 5]) expect(cells.filter((v) => v === k).length).toBe(2);
  });
});
