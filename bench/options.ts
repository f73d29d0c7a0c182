// Command line of `npm run bench`: `--quick` for smaller sizes, names to run only some benchmarks,
// `--no-hf` to leave HyperFormula out.
export interface BenchOptions {
  readonly quick: boolean;
  /** The two sizes of the formula benchmarks (rows of the evaluated table; orders for (d)). */
  readonly sizes: readonly [number, number];
  readonly runs: { readonly small: number; readonly large: number };
  readonly hyperformula: boolean;
  /** Longest single HyperFormula run before sizes are capped and extrapolated. */
  readonly hfBudgetMs: number;
  /** Rows of the server's cell-edit table. */
  readonly editRows: number;
  readonly edits: number;
  /** Benchmark names or groups to run; empty: all. */
  readonly only: readonly string[];
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const only = argv.filter((arg) => !arg.startsWith('--'));
  return {
    quick,
    sizes: quick ? [10_000, 100_000] : [100_000, 1_000_000],
    runs: quick ? { small: 3, large: 3 } : { small: 7, large: 5 },
    hyperformula: !argv.includes('--no-hf'),
    hfBudgetMs: quick ? 5_000 : 15_000,
    editRows: quick ? 10_000 : 100_000,
    edits: quick ? 30 : 100,
    only,
  };
}

export interface BenchmarkResult {
  readonly name: string;
  readonly lines: readonly string[];
}

export interface Benchmark {
  readonly name: string;
  /** Group name: `npm run bench -- <group>` runs every benchmark of the group. */
  readonly group: string;
  run(options: BenchOptions): Promise<BenchmarkResult>;
}
