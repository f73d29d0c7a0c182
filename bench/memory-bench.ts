// Peak memory for 1M rows × 10 columns with the formula columns computed (issue 3: under 1 GB), measured in a
// child process so nothing else of the benchmark run is counted.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mb, verdict } from './harness';
import type { BenchOptions } from './options';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const GB = 1024 ** 3;

interface ChildResult {
  rows: number;
  columns: number;
  formulas: number;
  engine: string;
  dataHeap: number;
  peakHeapUsed: number;
  peakHeapTotal: number;
  maxRss: number;
}

function isChildResult(value: unknown): value is ChildResult {
  return typeof value === 'object' && value !== null && 'maxRss' in value && 'peakHeapUsed' in value;
}

function runChild(rows: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', CHILD, String(rows)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        const parsed: unknown = JSON.parse(last);
        if (isChildResult(parsed)) return resolve(parsed);
      } catch {
        // fall through
      }
      reject(new Error(`memory child exited ${code}: ${(err || out).slice(-500)}`));
    });
  });
}

export async function runMemoryBenchmark(options: BenchOptions): Promise<string[]> {
  const rows = options.quick ? 100_000 : 1_000_000;
  const r = await runChild(rows);
  const lines = [
    `Peak memory, ${r.rows} rows × ${r.columns} columns as TableData, then ${r.formulas} formula columns kept (child process)`,
    `  ${r.engine}`,
    `  table data alone: ${mb(r.dataHeap)} of heap`,
    `  peak heap used (sampled between formulas): ${mb(r.peakHeapUsed)}; peak heap committed: ${mb(r.peakHeapTotal)}`,
    `  peak RSS of the process (includes transient peaks inside a formula): ${mb(r.maxRss)}  target < 1 GB  ${verdict(r.maxRss < GB)}`,
  ];
  if (options.quick) lines.push('  (--quick: 100k rows; the 1 GB target is for 1M rows)');
  return lines;
}
