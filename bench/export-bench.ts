// Export of a large table (GET /api/tables/:id/export) over real HTTP, as CSV and XLSX: total time, size, and
// how responsive the server stays meanwhile (GET /api/health sent every 50 ms during the download; the worst
// and p95 latency, next to the same probes on an idle server). No targets: it shows what a user would feel.
import { readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mb, ms, percentile, table } from './harness';
import type { Benchmark, BenchOptions } from './options';
import * as api from './server-api';
import * as base from './server-baselines';
import { serverMissing, startServer, type ServerHandle } from './server-process';

const PROBE_EVERY_MS = 50;

/** Downloads the export, counting bytes without keeping them. */
function download(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-language': 'en' } }, (res: IncomingMessage) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10 * 60_000, () => req.destroy(new Error(`GET ${url}: no answer in 10 minutes`)));
    req.end();
  });
}

/** Health latencies, one probe every 50 ms, until `done` settles (at least one probe). */
async function probeWhile(h: ServerHandle, done: Promise<unknown>): Promise<{ latencies: number[]; failed: number }> {
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  const latencies: number[] = [];
  let failed = 0;
  do {
    const t0 = performance.now();
    // A server that stalls for seconds may drop an idle keep-alive socket as the probe reuses it.
    await h.call('GET', '/api/health').catch(() => failed++);
    const took = performance.now() - t0;
    latencies.push(took);
    await sleep(Math.max(0, PROBE_EVERY_MS - took));
  } while (!finished);
  return { latencies, failed };
}

/** Starts the server's peak-RSS count afresh (Linux: "5" to clear_refs), so each export shows its own peak; the RSS then. */
function resetPeakRss(pid: number): number | undefined {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function probeRow(label: string, total: string, size: string, probes: { latencies: number[]; failed: number }): string[] {
  const { latencies, failed } = probes;
  return [label, total, size, `${latencies.length}${failed > 0 ? ` (${failed} failed)` : ''}`, ms(percentile(latencies, 0.95)), ms(Math.max(...latencies))];
}

async function exportBench(options: BenchOptions): Promise<string[]> {
  const rows = options.quick ? 100_000 : 1_000_000;
  const lines = [`Export of a ${rows}-row table over HTTP, with GET /api/health every ${PROBE_EVERY_MS} ms meanwhile (no targets)`];
  const missing = serverMissing();
  if (missing) return [...lines, `server: not ready: ${missing}`];
  const s = base.scratch();
  let h: ServerHandle | undefined;
  try {
    const file = path.join(s.dir, 'orders.csv');
    base.writeSyntheticOrders(file, rows);
    h = await startServer();
    const server = h;
    const workbook = await api.createWorkbook(server, 'bench export', base.SYNTHETIC_AS_OF);
    const imported = await api.importCsv(server, workbook, file, 'orders');
    lines.push(`table: ${imported.inserted} rows (import took ${ms(imported.previewMs + imported.commitMs)}, not part of this bench)`);
    const idle = await probeWhile(server, sleep(2_000));
    const result = [['', 'total', 'size', 'probes', 'health p95', 'health worst', 'server RSS: before → peak'], [...probeRow('idle server', '', '', idle), '']];
    for (const format of ['csv', 'xlsx']) {
      const before = resetPeakRss(server.pid);
      const t0 = performance.now();
      const exporting = download(`${server.base}/api/tables/${imported.tableId}/export?format=${format}`);
      const probes = await probeWhile(server, exporting);
      const { status, bytes } = await exporting;
      const total = performance.now() - t0;
      if (status !== 200) throw new Error(`export as ${format} answered ${status}`);
      const peak = server.peakRss();
      result.push([...probeRow(`export ${format}`, ms(total), mb(bytes), probes), before === undefined || peak === undefined ? 'unknown' : `${mb(before)} → ${mb(peak)}`]);
    }
    lines.push(...table(result));
  } catch (error) {
    lines.push(`FAILED: ${error instanceof Error ? error.message.slice(0, 400) : String(error)}`);
  } finally {
    await h?.stop();
    s.remove();
  }
  return lines;
}

export const EXPORT_BENCHMARK: Benchmark = { name: 'server-export', group: 'server', run: async (o) => ({ name: 'server-export', lines: await exportBench(o) }) };
