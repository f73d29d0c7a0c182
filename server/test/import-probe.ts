// Manual probe (not a test): import a dataset through the API. Run: npx tsx server/test/import-probe.ts <file>
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSegsheet } from '../boot';

async function main(): Promise<void> {
  const file = process.argv[2] ?? '';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-import-'));
  const s = await openSegsheet({ dataDir: dir, seedDemo: false });
  const wbRes = await s.app.request('/api/workbooks', { method: 'POST', body: JSON.stringify({ name: 'I' }), headers: { 'content-type': 'application/json' } });
  const wb = (await wbRes.json()) as { id: string };
  const bytes = await readFile(file);
  let t0 = performance.now();
  const pre = await s.app.request(`/api/workbooks/${wb.id}/imports?filename=${encodeURIComponent(path.basename(file))}`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } });
  const preview = (await pre.json()) as { id: string; rowCount: number; columns: { name: string; type: string; problems: string[] }[] };
  console.log(`preview ${pre.status} ${preview.rowCount} rows in ${(performance.now() - t0).toFixed(0)} ms`, JSON.stringify(preview.columns.map((c) => [c.name, c.type, c.problems])));
  t0 = performance.now();
  const commit = await s.app.request(`/api/imports/${preview.id}/commit`, { method: 'POST', body: JSON.stringify({ target: { name: 'data' }, badRows: 'skip' }), headers: { 'content-type': 'application/json' } });
  console.log(`commit ${commit.status} in ${(performance.now() - t0).toFixed(0)} ms`, (await commit.text()).slice(0, 300));
  console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await s.close();
  await rm(dir, { recursive: true, force: true });
}
void main();
