// Issue 4 "Speed": import against the sqlite3 CLI, RFM recompute against one SQL query, cell-edit latency,
// peak server memory. Baselines run even while the server is missing; what cannot run says why.
import path from 'node:path';
import { ms, mb, ratio, table, verdict, median } from './harness';
import type { Benchmark, BenchOptions } from './options';
import * as api from './server-api';
import * as base from './server-baselines';
import { HttpError, serverMissing, startServer, type ServerHandle } from './server-process';
import { measureEdits } from './server-edit';
import { rfmOnServer } from './server-rfm';

const GB = 1024 ** 3;

/** A route the server does not have yet is "not ready"; anything else that goes wrong is a failure. */
function notReady(error: unknown): string {
  if (error instanceof HttpError && error.status === 404 && error.message.includes('"kind":"route"')) {
    return `not ready: ${error.route.replace(/\?.*$/, '')} does not exist yet (404)`;
  }
  return `FAILED: ${error instanceof Error ? error.message.slice(0, 400) : String(error)}`;
}

function peakLine(h: ServerHandle, what: string): string {
  const peak = h.peakRss();
  return peak === undefined ? `peak server memory: unknown (no /proc)` : `peak server RSS ${what}: ${mb(peak)}  target < 1 GB  ${verdict(peak < GB)}`;
}

/** Runs `body` against a fresh server, or explains why it cannot. */
async function withServer(lines: string[], body: (h: ServerHandle) => Promise<void>): Promise<void> {
  const missing = serverMissing();
  if (missing) return void lines.push(`server: not ready: ${missing}`);
  let h: ServerHandle | undefined;
  try {
    h = await startServer();
    await body(h);
  } catch (error) {
    lines.push(`server: ${notReady(error)}`);
  } finally {
    await h?.stop();
  }
}

async function prepareFiles(dir: string, options: BenchOptions): Promise<{ retail?: string; synthetic: string; syntheticRows: number }> {
  const gz = base.onlineRetailGz();
  const retail = gz ? path.join(dir, 'online_retail.csv') : undefined;
  if (gz && retail) await base.gunzipTo(gz, retail);
  const syntheticRows = options.quick ? 100_000 : 1_000_000;
  const synthetic = path.join(dir, 'orders.csv');
  base.writeSyntheticOrders(synthetic, syntheticRows);
  return { retail, synthetic, syntheticRows };
}

async function importBench(options: BenchOptions): Promise<string[]> {
  const lines = ['Import: server (upload → preview → commit, over HTTP) vs `sqlite3 .import --csv` of the same file; target ≤ 3×'];
  const s = base.scratch();
  try {
    const files = await prepareFiles(s.dir, options);
    const inputs = [
      ...(files.retail ? [{ label: 'Online Retail, 541,909 rows', file: files.retail, runs: options.quick ? 1 : 3 }] : []),
      { label: `synthetic orders, ${files.syntheticRows} rows`, file: files.synthetic, runs: 1 },
    ];
    if (!files.retail) lines.push('Online Retail: not found beside the repo (../shared/datasets/online_retail.csv.gz): skipped');
    const cliMissing = base.sqliteCliMissing();
    if (cliMissing) lines.push(`baseline: ${cliMissing}`);
    const cli = new Map<string, number>();
    if (!cliMissing) for (const i of inputs) cli.set(i.file, (await base.sqliteCliImport(i.file, s.dir, i.runs + (options.quick ? 0 : 2))).median);
    const rows: string[][] = [['file', 'server', 'preview + commit', 'sqlite3 .import', 'ratio', 'verdict']];
    await withServer(lines, async (h) => {
      const workbook = await api.createWorkbook(h, 'bench import', base.RETAIL_AS_OF);
      for (const i of inputs) {
        const times: number[] = [];
        let last: api.Imported | undefined;
        for (let run = 0; run < i.runs; run++) {
          last = await api.importCsv(h, workbook, i.file, `import ${run} ${path.basename(i.file)}`);
          times.push(last.previewMs + last.commitMs);
        }
        const server = median(times);
        const cliMs = cli.get(i.file);
        const r = cliMs === undefined ? Number.NaN : server / cliMs;
        const parts = last ? `${ms(last.previewMs)} + ${ms(last.commitMs)} (${last.inserted} rows)` : '';
        rows.push([i.label, ms(server), parts, cliMs === undefined ? 'n/a' : ms(cliMs), ratio(r), Number.isNaN(r) ? '' : verdict(r <= 3)]);
      }
      lines.push(peakLine(h, `during the imports (last: ${files.syntheticRows} rows)`));
    });
    if (rows.length === 1) for (const i of inputs) rows.push([i.label, 'n/a', '', ms(cli.get(i.file) ?? Number.NaN), '', '']);
    lines.push(...table(rows));
  } finally {
    s.remove();
  }
  return lines;
}

async function recomputeBench(options: BenchOptions): Promise<string[]> {
  const lines = ['RFM from orders: server (customer table + MAXIFS/COUNTUNIQUEIFS/SUMIFS/TODAY + 3 NTILE scores + segment) vs the same as one SQL query in SQLite; target ≤ 3×'];
  const s = base.scratch();
  try {
    const files = await prepareFiles(s.dir, options);
    const cases = [
      ...(files.retail ? [{ label: 'Online Retail', file: files.retail, asOf: base.RETAIL_AS_OF, retail: true }] : []),
      { label: `synthetic ${files.syntheticRows} orders`, file: files.synthetic, asOf: base.SYNTHETIC_AS_OF, retail: false },
    ];
    for (const c of cases) {
      const rowsIn = c.retail ? base.retailOrders(c.file) : base.syntheticOrders(files.syntheticRows);
      const sql = await base.sqlRfm(s.dir, rowsIn, c.asOf, options.quick ? 3 : 5);
      lines.push(`${c.label}: one SQL query ${ms(sql.timing.median)} (${sql.customers} customers; orders loaded untimed in ${ms(sql.loadMs)})`);
      await withServer(lines, async (h) => {
        const times = await rfmOnServer(h, { ...c, customerIds: sql.customerIds, expected: sql.answer }, lines);
        const r = times.formulasMs / sql.timing.median;
        // The orders' columns are still in memory from the import (after a restart they are read first).
        lines.push(`  server, 8 formula fields added right after the import: ${ms(times.formulasMs)}  ratio ${ratio(r)}  target ≤ 3×  ${verdict(r <= 3)}`);
        const e = times.recomputeMs / sql.timing.median;
        lines.push(`  server, RFM recomputed after an order edit: ${ms(times.recomputeMs)}  ratio ${ratio(e)}  target ≤ 3×  ${verdict(e <= 3)}`);
        if (times.templateMs !== undefined) {
          const t = times.templateMs / sql.timing.median;
          lines.push(`  server, rfm template from transactions: ${ms(times.templateMs)}  ratio ${ratio(t)}  target ≤ 3×  ${verdict(t <= 3)}`);
        }
        lines.push(`  ${peakLine(h, `(import + recompute of ${c.label})`)}`);
      });
    }
  } finally {
    s.remove();
  }
  return lines;
}

async function editBench(options: BenchOptions): Promise<string[]> {
  const lines = [`Cell edit over HTTP on a ${options.editRows}-row table: p50/p95 of PATCH /api/tables/:id/rows (${options.edits} edits after a warm-up)`];
  await withServer(lines, async (h) => void lines.push(...(await measureEdits(h, options))));
  return lines;
}

export const SERVER_BENCHMARKS: readonly Benchmark[] = [
  { name: 'server-import', group: 'server', run: async (o) => ({ name: 'server-import', lines: await importBench(o) }) },
  { name: 'server-recompute', group: 'server', run: async (o) => ({ name: 'server-recompute', lines: await recomputeBench(o) }) },
  { name: 'server-edit', group: 'server', run: async (o) => ({ name: 'server-edit', lines: await editBench(o) }) },
  { name: 'server-export', group: 'server', run: async (o) => (await import('./export-bench')).EXPORT_BENCHMARK.run(o) },
];
