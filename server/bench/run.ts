// `npm run bench`: every benchmark, each printed as figures and ratios against a baseline run side by side.
// Speed goals live here, not in timed tests: the machines are shared and noisy.

export interface BenchmarkResult {
  readonly name: string;
  readonly lines: readonly string[];
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<BenchmarkResult>;
}

const benchmarks: readonly Benchmark[] = [];

async function main(): Promise<void> {
  if (benchmarks.length === 0) {
    console.log('No benchmarks yet.');
    return;
  }
  for (const benchmark of benchmarks) {
    console.log(`\n== ${benchmark.name}`);
    const result = await benchmark.run();
    for (const line of result.lines) console.log(`  ${line}`);
  }
}

await main();
