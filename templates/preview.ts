// Applying a template to rows in memory with the formula engine: every output's values and its group counts.
// Used by tests and usable for a dry-run preview; the server's authoritative path is its own recompute.

import { evaluateFormula, type CellValue, type TableData } from '../formulas';
import { renderTemplate, type RenderOptions, type RenderedOutput, type TemplateProblem } from './render';
import type { Template } from './schema';

export interface GroupCount {
  readonly key: string;
  readonly value: string;
  readonly count: number;
}

export interface PreviewedOutput {
  readonly output: RenderedOutput;
  readonly values: readonly CellValue[];
  /** In the output's group order (absent for outputs without groups). */
  readonly groups?: readonly GroupCount[];
  /** Rows whose value is blank (unclassified). */
  readonly blank: number;
  /** Rows whose value is an error or not one of the groups' labels. */
  readonly other: number;
}

export type PreviewResult =
  | { readonly ok: true; readonly outputs: readonly PreviewedOutput[] }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** Counts the values of an output by group label. */
export function countGroups(output: RenderedOutput, values: readonly CellValue[]): Omit<PreviewedOutput, 'output' | 'values'> {
  let blank = 0;
  let other = 0;
  const byLabel = new Map<string, number>((output.groups ?? []).map((g) => [g.value, 0]));
  for (const v of values) {
    if (v === null) blank += 1;
    else {
      const label = typeof v === 'object' ? undefined : String(v);
      if (label !== undefined && byLabel.has(label)) byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      else other += 1;
    }
  }
  return {
    ...(output.groups ? { groups: output.groups.map((g) => ({ key: g.key, value: g.value, count: byLabel.get(g.value) ?? 0 })) } : {}),
    blank,
    other: output.groups ? other : 0,
  };
}

/**
 * Renders the template for `table` (fields named as in options.mapping) and evaluates each output in order,
 * adding it to the table so later outputs can use it. Throws FormulaError if a rendered formula is refused
 * (a template bug, or a mapped field of the wrong type).
 */
export function previewTemplate(
  template: Template,
  table: TableData,
  options: RenderOptions & { readonly asOf?: string; readonly tables?: Record<string, TableData> },
): PreviewResult {
  const rendered = renderTemplate(template, options);
  if (!rendered.ok) return rendered;
  const work: TableData = { fields: [...table.fields], rows: table.rows.map((r) => ({ ...r })) };
  const outputs: PreviewedOutput[] = [];
  for (const output of rendered.outputs) {
    const values = evaluateFormula(output.formula, work, {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.tables === undefined ? {} : { tables: options.tables }),
    });
    outputs.push({ output, values, ...countGroups(output, values) });
    work.fields.push({ name: output.name, type: output.resultType });
    values.forEach((v, i) => {
      const row = work.rows[i];
      if (row) row[output.name] = v === null || typeof v !== 'object' ? v : null;
    });
  }
  return { ok: true, outputs };
}
