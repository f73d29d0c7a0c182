// The charts every template recommends (made by the server with a workbook from the template) are ones this
// dashboard can draw: complete specs, at most the grid's width.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard, Workbook } from '../../common';
import { as, openHarness } from '../../server/test/harness';
import type { Harness } from '../../server/test/harness';
import { GRID_COLUMNS } from './dashboard-layout';
import { chartToSpec, isCompleteSpec } from './spec';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

describe('template charts', () => {
  it('recommends only charts the dashboard can draw, two to a row', async () => {
    const list = as<{ id: string }[]>((await h.request('GET', '/api/templates')).json);
    expect(list.length).toBeGreaterThan(5);
    for (const { id } of list) {
      const made = as<Workbook>((await h.request('POST', `/api/templates/${id}/workbooks`, { language: 'en', rows: 40 })).json);
      const dash = as<Dashboard>((await h.request('GET', `/api/workbooks/${made.id}/dashboard`)).json);
      expect(dash.charts.length, id).toBeGreaterThan(0);
      for (const chart of dash.charts) {
        const spec = chartToSpec(chart);
        expect(spec, `${id}: ${chart.kind}`).not.toBeNull();
        expect(isCompleteSpec(spec!), `${id}: ${chart.kind} ${chart.fields.join(',')}`).toBe(true);
        expect(chart.place.w).toBeLessThanOrEqual(GRID_COLUMNS);
      }
    }
  });
});
