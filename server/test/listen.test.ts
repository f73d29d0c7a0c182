// The app over a real listening socket (@hono/node-server on port 0), as `npm start` serves it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, ErrorEnvelope, Health, Workbook } from '../../common';
import { openHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
let server: ServerType;
let base: string;

beforeAll(async () => {
  h = await openHarness({ seedDemo: true });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.segsheet.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

describe('over HTTP', () => {
  it('seeds a demo workbook whose dashboard charts its grouping', async () => {
    const [demo] = (await (await fetch(`${base}/api/workbooks`)).json()) as Workbook[];
    const dash = (await (await fetch(`${base}/api/workbooks/${demo?.id}/dashboard`)).json()) as Dashboard;
    expect(dash.charts.map((c) => c.kind)).toEqual(['bar', 'donut', 'pareto', 'crosstab']);
    const summary = await fetch(`${base}/api/tables/${dash.charts[0]?.tableId}/summary`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ groupBy: dash.charts[0]?.fields }),
    });
    const groups = ((await summary.json()) as { groups: { key: unknown[]; count: number }[] }).groups;
    expect(groups.map((g) => g.key[0])).toEqual(['高价值', '中价值', '低价值']);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(30);
  });

  it('serves health, workbooks, errors and the OpenAPI document', async () => {
    const health = (await (await fetch(`${base}/api/health`)).json()) as Health;
    expect(health).toMatchObject({ status: 'ok', workbooks: 1, database: { dialect: 'sqlite' } });
    const created = await fetch(`${base}/api/workbooks`, { method: 'POST', body: JSON.stringify({ name: '新工作簿' }), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    expect(((await created.json()) as Workbook).name).toBe('新工作簿');
    const bad = await fetch(`${base}/api/workbooks`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' } });
    expect(bad.status).toBe(400);
    const env = (await bad.json()) as ErrorEnvelope;
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.message).toMatch(/请求/);
    expect(JSON.stringify(env)).not.toMatch(/at .*\.ts/);
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/tables/{id}/rows');
  });
});
