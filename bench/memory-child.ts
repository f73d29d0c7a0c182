// Child process of the memory benchmark (a fresh heap, started with --expose-gc): builds a 1M-row × 10-column
// customer table, runs the (a)–(c) formulas over it keeping every result, and prints its peaks as JSON.
import { generateCustomers, customersToTable } from './data';
import { loadEngine, type BenchTable } from './engine';
import { ABC, RFM, TIER } from './formula-cases';

const rows = Number(process.argv[2] ?? 1_000_000);
const gc = (): void => (typeof globalThis.gc === 'function' ? void globalThis.gc() : undefined);
let peakHeapUsed = 0;
let peakHeapTotal = 0;
const sample = (): number => {
  const m = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
  return m.heapUsed;
};

gc();
const before = sample();
const own: BenchTable = { id: 'customers', name: 'Customers', data: customersToTable(generateCustomers(rows)) };
gc();
const dataHeap = sample() - before;
const load = await loadEngine();
const kept: unknown[][] = [];
let engine = load.ok ? `engine (${load.engine.api})` : `engine not ready: ${load.reason}`;
if (load.ok) {
  const formulas = [TIER, ABC, ...RFM];
  try {
    for (const source of formulas) {
      kept.push(load.engine.prepare(source, own, [], '2025-01-01')()());
      sample();
    }
  } catch (error) {
    engine = `engine threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}
sample();
const result = {
  rows,
  columns: own.data.fields.length,
  formulas: kept.length,
  engine,
  dataHeap,
  peakHeapUsed,
  peakHeapTotal,
  maxRss: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(result));
