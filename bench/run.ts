// `npm run bench`: every benchmark, each printed as figures and ratios against a baseline run side by side.
// Speed goals live here, not in timed tests: the machines are shared and noisy.
//   npm run bench                      everything (full sizes: 100k and 1M rows)
//   npm run bench -- --quick           smaller sizes, fewer runs
//   npm run bench -- formulas          one group (formulas, memory, server) or one benchmark by name
//   npm run bench -- --list            the names
//   npm run bench -- --no-hf           without HyperFormula
import { cpus, loadavg } from 'node:os';
import { FORMULA_CASES } from './formula-cases';
import { runFormulaCase } from './formulas-bench';
import { runMemoryBenchmark } from './memory-bench';
import { parseOptions, type Benchmark } from './options';
import { SERVER_BENCHMARKS } from './server-bench';
import { runBrowserBenchmark } from './browser-bench';
import { runChartsBenchmark } from './charts-bench';

export type { Benchmark, BenchmarkResult } from './options';

const benchmarks: readonly Benchmark[] = [
  ...FORMULA_CASES.map(
    (c): Benchmark => ({ name: c.name, group: 'formulas', run: async (o) => ({ name: c.name, lines: await runFormulaCase(c, o) }) }),
  ),
  { name: 'memory', group: 'formulas', run: async (o) => ({ name: 'memory', lines: await runMemoryBenchmark(o) }) },
  ...SERVER_BENCHMARKS,
  { name: 'browser', group: 'browser', run: async (o) => ({ name: 'browser', lines: await runBrowserBenchmark(o) }) },
  { name: 'charts', group: 'charts', run: async (o) => ({ name: 'charts', lines: await runChartsBenchmark(o) }) },
];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--list')) {
    for (const b of benchmarks) console.log(`${b.name}  (group ${b.group})`);
    return;
  }
  const chosen = benchmarks.filter((b) => options.only.length === 0 || options.only.some((n) => n === b.name || n === b.group));
  if (chosen.length === 0) {
    console.log(`No benchmark named ${options.only.join(', ')}. Names: ${benchmarks.map((b) => b.name).join(', ')}; groups: formulas, server.`);
    process.exitCode = 1;
    return;
  }
  const load = `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
  console.log(`Segsheet benchmarks${options.quick ? ' (--quick)' : ''}: node ${process.version}, ${new Date().toISOString()}, ${load}`);
  console.log('Medians after a warm-up; ratios are against a baseline run in this same process. Never asserted.');
  for (const benchmark of chosen) {
    console.log(`\n== ${benchmark.name}  (load average ${(loadavg()[0] ?? 0).toFixed(1)})`);
    try {
      const result = await benchmark.run(options);
      for (const line of result.lines) console.log(`  ${line}`);
    } catch (error) {
      console.log(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

await main();
