// Issue 3 "Speed": each workload at two sizes, our engine against the hand-written baseline in the same
// process, the growth from the small to the large size, and HyperFormula at the small size.
import type { Cell } from './baselines';
import { comparable, loadEngine, type Engine } from './engine';
import type { CaseData, FormulaCase } from './formula-cases';
import { measure, ms, ratio, rowsLabel, table, verdict } from './harness';
import { runHyperFormula } from './hf';
import type { BenchOptions } from './options';

function same(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error;
  return a === b;
}

/** "identical" or the first difference, so a ratio is never printed for a wrong answer without a warning. */
export function compareColumns(label: string, actual: readonly (readonly unknown[])[], expected: readonly Cell[][]): string {
  let mismatches = 0;
  let first = '';
  expected.forEach((column, c) => {
    column.forEach((want, row) => {
      const got = comparable(actual[c]?.[row]);
      if (same(got, want)) return;
      mismatches++;
      first ||= `column ${c + 1} row ${row + 1}: ${label} ${JSON.stringify(got)}, baseline ${JSON.stringify(want)}`;
    });
  });
  return mismatches === 0 ? `${label} results = baseline results ✓` : `${label} results DIFFER from the baseline in ${mismatches} cells (first: ${first})`;
}

async function timeEngine(engine: Engine, data: CaseData, runs: number): Promise<{ median: number; compile: number; out: unknown[][] }> {
  const prepared = data.formulas.map((source) => engine.prepare(source, data.own, data.others, '2025-01-01'));
  let out: unknown[][] = [];
  const timing = await measure(() => (out = prepared.map((compile) => compile()())), runs);
  const compile = await measure(() => prepared.map((compile) => compile()), runs);
  return { median: timing.median, compile: compile.median, out };
}

export async function runFormulaCase(c: FormulaCase, options: BenchOptions): Promise<string[]> {
  const lines = [c.title];
  const load = await loadEngine();
  if (!load.ok) lines.push(`formula engine not ready: skipped (${load.reason}); baselines and HyperFormula still run`);
  else lines.push(`engine API: ${load.engine.api} (check+compile+run timed; columns prepared untimed)`);
  const rows: string[][] = [['size', 'engine', 'hand-written', 'ratio', `target ≤ ${c.target}×`]];
  const engineTimes: number[] = [];
  const baseTimes: number[] = [];
  for (const n of options.sizes) {
    const data = c.setup(n);
    const runs = n >= 1_000_000 ? options.runs.large : options.runs.small;
    let expected: Cell[][] = [];
    const base = await measure(() => (expected = data.baseline()), runs);
    baseTimes.push(base.median);
    if (!load.ok) {
      rows.push([c.describe(n), 'skipped', ms(base.median), '', '']);
      continue;
    }
    try {
      const eng = await timeEngine(load.engine, data, runs);
      engineTimes.push(eng.median);
      const r = eng.median / base.median;
      rows.push([c.describe(n), ms(eng.median), ms(base.median), ratio(r), verdict(r <= c.target)]);
      lines.push(`  ${rowsLabel(n)}: ${compareColumns('engine', eng.out, expected)}; of the engine's time, check+compile ${ms(eng.compile)}`);
    } catch (error) {
      rows.push([c.describe(n), 'threw', ms(base.median), '', 'MISS']);
      lines.push(`  ${rowsLabel(n)}: engine threw: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
  }
  lines.push(...table(rows));
  const [small, large] = options.sizes;
  const [e1, e2] = engineTimes;
  const [b1, b2] = baseTimes;
  const growth = `time(${rowsLabel(large ?? 0)})/time(${rowsLabel(small ?? 0)})`;
  if (e1 !== undefined && e2 !== undefined) {
    lines.push(`${growth}: engine ${ratio(e2 / e1)} (hand-written ${ratio((b2 ?? 0) / (b1 ?? 1))})  target ≤ 25×  ${verdict(e2 / e1 <= 25)}`);
  } else {
    lines.push(`${growth}: hand-written ${ratio((b2 ?? 0) / (b1 ?? 1))}; engine: skipped`);
  }
  if (options.hyperformula) {
    try {
      lines.push(...(await compareWithHyperFormula(c, small ?? 0, e1, options)));
    } catch (error) {
      lines.push(`HyperFormula: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return lines;
}

async function compareWithHyperFormula(c: FormulaCase, n: number, engineMs: number | undefined, options: BenchOptions): Promise<string[]> {
  const hf = await runHyperFormula((size) => c.sheet(size).sheet, n, options.hfBudgetMs);
  const { rows, outputs } = c.sheet(hf.size);
  const expected = c.setup(hf.size).baseline();
  const got = outputs.map((col) => hf.values.slice(0, rows).map((row) => row[col]));
  const lines = [`HyperFormula at ${c.describe(n)}: ${ms(hf.ms)} (${hf.label})`];
  lines.push(`  n=${rowsLabel(hf.size)}: ${compareColumns('HyperFormula', got, expected)}`);
  if (engineMs === undefined) return [...lines, 'ours vs HyperFormula: skipped (formula engine not ready)'];
  const speedup = hf.ms / engineMs;
  const lower = hf.lowerMs / engineMs;
  const bound = hf.lowerMs === hf.ms ? '' : ` (at least ${ratio(lower)} with linear extrapolation; verdict on that)`;
  return [...lines, `ours vs HyperFormula at ${rowsLabel(n)}: ${ratio(speedup)} faster${bound}  target ≥ 20×  ${verdict(lower >= 20)}`];
}
