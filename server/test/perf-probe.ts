// Manual probe (not a test): cell-edit latency on a 100k-row table. Run: npx tsx server/test/perf-probe.ts
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSegsheet } from '../boot';

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-perf-'));
  const s = await openSegsheet({ dataDir: dir, seedDemo: false });
  const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const res = await s.app.request(url, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    const json = (await res.json()) as unknown;
    if (res.status >= 300) throw new Error(JSON.stringify(json));
    return json;
  };
  const wb = (await call('POST', '/api/workbooks', { name: 'P', asOf: '2025-01-01' })) as { id: string };
  const t = (await call('POST', `/api/workbooks/${wb.id}/tables`, { name: 'C', fields: [{ name: 'amount', type: 'number' }, { name: 'n', type: 'number' }] })) as { id: string; fields: { id: string; name: string }[] };
  const amount = t.fields[0]!.id;
  const N = Number(process.argv[2] ?? 100_000);
  let t0 = performance.now();
  for (let i = 0; i < N; i += 10_000) {
    await call('POST', `/api/tables/${t.id}/rows`, { rows: Array.from({ length: Math.min(10_000, N - i) }, (_, k) => ({ cells: { [amount]: ((i + k) * 7919) % 100_000, [t.fields[1]!.id]: k } })) });
  }
  console.log(`insert ${N}: ${(performance.now() - t0).toFixed(0)} ms`);
  const formulas = ['{amount}*2', 'IF({amount}>50000,"H","L")', '{amount}+{n}', 'ROUND({amount}/3,2)', 'LEN({amount}&"")'];
  t0 = performance.now();
  for (const [i, f] of formulas.entries()) await call('POST', `/api/tables/${t.id}/fields`, { name: `f${i}`, type: 'formula', formula: f });
  console.log(`5 formula fields filled: ${(performance.now() - t0).toFixed(0)} ms`);
  const page = (await call('GET', `/api/tables/${t.id}/rows?limit=200`)) as { rows: { id: string }[] };
  const lat = async (label: string): Promise<void> => {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const id = page.rows[i % page.rows.length]!.id;
      const s0 = performance.now();
      await call('PATCH', `/api/tables/${t.id}/rows`, { rows: [{ id, cells: { [amount]: i * 13 } }] });
      times.push(performance.now() - s0);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: p50 ${times[30]!.toFixed(1)} ms, p95 ${times[57]!.toFixed(1)} ms`);
  };
  await lat('edit, row-local');
  t0 = performance.now();
  await call('POST', `/api/tables/${t.id}/fields`, { name: 'nt', type: 'formula', formula: 'NTILE([amount],{amount},5)' });
  console.log(`NTILE filled: ${(performance.now() - t0).toFixed(0)} ms`);
  await lat('edit, with NTILE');
  await s.close();
  await rm(dir, { recursive: true, force: true });
}
void main();
