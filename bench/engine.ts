// Loads the formula engine of formulas/index.ts at run time, so the benchmarks still run (and say why they
// skip) while the engine is missing or a stub. Prefers the compile-once API of formulas/README.md:
// checkFormula → compileFormula → run(FormulaData); falls back to evaluateFormula of FORMULAS.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Cell } from './baselines';
import { serialFromIso, type TableData } from './data';

type Callable = (...args: unknown[]) => unknown;

/** A table as the benchmarks hand it to the engine: its TableData and the id used in the schema. */
export interface BenchTable {
  readonly id: string;
  readonly name: string;
  readonly data: TableData;
}

export interface Engine {
  readonly api: 'compile-once' | 'evaluateFormula';
  /**
   * Everything that is not evaluation (columns as run-time values) happens here, untimed. The result checks and
   * compiles the formula and returns its run; calling that evaluates the whole column.
   */
  prepare(source: string, own: BenchTable, others: readonly BenchTable[], asOf: string): () => () => unknown[];
}

export type EngineLoad = { readonly ok: true; readonly engine: Engine } | { readonly ok: false; readonly reason: string };

const INDEX_PATH = fileURLToPath(new URL('../formulas/index.ts', import.meta.url));

function member(target: unknown, name: string): Callable | undefined {
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return undefined;
  const value: unknown = Reflect.get(target, name);
  return typeof value === 'function' ? (...args: unknown[]): unknown => Reflect.apply(value, target, args) : undefined;
}

function property(target: unknown, name: string): unknown {
  return typeof target === 'object' && target !== null ? Reflect.get(target, name) : undefined;
}

/** An engine value (run-time Value or JSON CellValue) in a form comparable with the baselines' output. */
export function comparable(value: unknown): Cell {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? serialFromIso(value) : value;
  const serial = property(value, 'serial');
  if (typeof serial === 'number') return serial;
  const code = property(value, 'code') ?? property(value, 'error');
  return { error: typeof code === 'string' ? code : 'unknown' };
}

function schemaOf(tables: readonly BenchTable[]): unknown {
  return {
    tables: tables.map((t) => ({ id: t.id, name: t.name, fields: t.data.fields.map((f) => ({ id: f.name, name: f.name, type: f.type })) })),
  };
}

function compileOnce(mod: unknown, check: Callable, compile: Callable): Engine {
  const fromCellValue = member(mod, 'fromCellValue');
  return {
    api: 'compile-once',
    prepare(source, own, others, asOf) {
      const all = [own, ...others];
      const columns = new Map<string, unknown[]>();
      const column = (tableId: string, fieldId: string): unknown[] => {
        const key = `${tableId}.${fieldId}`;
        let values = columns.get(key);
        if (!values) {
          const table = all.find((t) => t.id === tableId);
          const type = table?.data.fields.find((f) => f.name === fieldId)?.type ?? 'text';
          const rows = table?.data.rows ?? [];
          values = rows.map((row) => (fromCellValue ? fromCellValue(row[fieldId] ?? null, type) : (row[fieldId] ?? null)));
          columns.set(key, values);
        }
        return values;
      };
      const data = { rowCount: own.data.rows.length, asOf, column };
      const schema = schemaOf(all);
      return () => {
        const checked = check(source, schema, own.id);
        if (property(checked, 'ok') !== true) throw new Error(`${source}: ${JSON.stringify(property(checked, 'diagnostics'))}`);
        const run = member(compile(property(checked, 'formula')), 'run');
        return () => {
          const out = run ? run(data) : undefined;
          if (!Array.isArray(out)) throw new Error('CompiledFormula.run did not return an array');
          return out;
        };
      };
    },
  };
}

function evaluateOnly(evaluate: Callable): Engine {
  return {
    api: 'evaluateFormula',
    prepare(source, own, others, asOf) {
      const tables = Object.fromEntries(others.map((t) => [t.name, t.data]));
      return () => () => {
        const out = evaluate(source, own.data, { tables, asOf });
        if (!Array.isArray(out)) throw new Error('evaluateFormula did not return an array');
        return out;
      };
    },
  };
}

/** The engine, or why it cannot be benchmarked yet (missing file, missing export, stub that throws). */
export async function loadEngine(): Promise<EngineLoad> {
  if (!existsSync(INDEX_PATH)) return { ok: false, reason: 'formulas/index.ts does not exist yet' };
  let mod: unknown;
  try {
    const specifier = INDEX_PATH;
    mod = await import(specifier);
  } catch (error) {
    return { ok: false, reason: `formulas/index.ts fails to load: ${error instanceof Error ? error.message : String(error)}` };
  }
  const check = member(mod, 'checkFormula');
  const compile = member(mod, 'compileFormula');
  const evaluate = member(mod, 'evaluateFormula');
  const engine = check && compile ? compileOnce(mod, check, compile) : evaluate ? evaluateOnly(evaluate) : undefined;
  if (!engine) return { ok: false, reason: 'formulas/index.ts exports neither checkFormula+compileFormula nor evaluateFormula' };
  try {
    const tiny: BenchTable = { id: 't', name: 'T', data: { fields: [{ name: 'x', type: 'number' }], rows: [{ x: 1 }, { x: 2 }] } };
    const out = engine.prepare('{x}*2+1', tiny, [], '2025-01-01')()().map(comparable);
    if (out[0] !== 3 || out[1] !== 5) return { ok: false, reason: `{x}*2+1 over [1,2] gave ${JSON.stringify(out)}` };
  } catch (error) {
    return { ok: false, reason: `smoke test {x}*2+1 threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, engine };
}
