// HyperFormula (GPL-3, a devDependency: benchmarks and tests only) doing the same work as our engine:
// a sheet built from arrays, one cell-reference formula per row. Quadratic cases are run at smaller sizes
// within a time budget and extrapolated, and the output says so.
import { HyperFormula } from 'hyperformula';
import { median, timeOnce } from './harness';

export type SheetCell = number | string | null;
export type Sheet = SheetCell[][];

export interface HfRun {
  /** Time at the target size (measured, or extrapolated). */
  readonly ms: number;
  /** Lower bound when extrapolated (linear in n); equal to ms when measured. */
  readonly lowerMs: number;
  readonly label: string;
  /** Values of the sheet at the largest size run, for checking it did the same work. */
  readonly values: readonly (readonly unknown[])[];
  readonly size: number;
}

function build(sheet: Sheet): unknown[][] {
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', maxRows: 10_000_000 });
  const values: unknown[][] = hf.getSheetValues(0);
  hf.destroy();
  return values;
}

async function timeAt(sheet: Sheet): Promise<{ ms: number; values: unknown[][] }> {
  let values: unknown[][] = [];
  const first = await timeOnce(() => (values = build(sheet)));
  if (first > 300) return { ms: first, values };
  const more = [first, await timeOnce(() => build(sheet)), await timeOnce(() => build(sheet))];
  return { ms: median(more), values };
}

/**
 * Runs HyperFormula at doubling sizes up to `target`, stopping before a run could pass `budgetMs`. Its fixed
 * cost per build (measured at 10 rows) is kept apart when extrapolating: t(n) = fixed + (t − fixed)·(n/size)^p.
 */
export async function runHyperFormula(sheetOf: (n: number) => Sheet, target: number, budgetMs: number): Promise<HfRun> {
  build(sheetOf(10)); // warm-up: the first build pays for loading and JIT
  const fixed = (await timeAt(sheetOf(10))).ms;
  const scale = (ms: number, from: number, to: number, p: number): number => fixed + Math.max(0, ms - fixed) * (to / from) ** p;
  const exponentOf = (a: { n: number; ms: number }, b: { n: number; ms: number }): number =>
    Math.min(2, Math.max(1, Math.log(Math.max(1, b.ms - fixed) / Math.max(1, a.ms - fixed)) / Math.log(b.n / a.n)));
  let n = Math.min(target, 250);
  let last = await timeAt(sheetOf(n));
  let previous: { n: number; ms: number } | undefined;
  while (n < target) {
    // Doubling, and assuming the worst (quadratic) growth, so no run passes the budget.
    const next = Math.min(target, n * 2);
    if (scale(last.ms, n, next, 2) > budgetMs) break;
    previous = { n, ms: last.ms };
    n = next;
    last = await timeAt(sheetOf(n));
  }
  if (n === target) return { ms: last.ms, lowerMs: last.ms, label: 'measured', values: last.values, size: n };
  const exponent = previous ? exponentOf(previous, { n, ms: last.ms }) : 1;
  return {
    ms: scale(last.ms, n, target, exponent),
    lowerMs: scale(last.ms, n, target, 1),
    label: `EXTRAPOLATED from n=${n} (${last.ms.toFixed(0)} ms; fixed cost per build ${fixed.toFixed(0)} ms) as n^${exponent.toFixed(2)}`,
    values: last.values,
    size: n,
  };
}
