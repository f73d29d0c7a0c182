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
  /** In the output's group order, or per score from the lowest (absent for outputs that do not group). */
  readonly groups?: readonly GroupCount[];
  /** Rows whose value is blank (unclassified). */
  readonly blank: number;
  /** Rows whose value is an error or not one of the groups' labels (or scores). */
  readonly other: number;
}

export type PreviewResult =
  | { readonly ok: true; readonly outputs: readonly PreviewedOutput[] }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** The groups an output's values are counted in: its groups, or one per score ("1"…"5"); undefined when it does not group. */
export function countedGroups(output: Pick<RenderedOutput, 'groups' | 'scores'>): readonly { key: string; value: string }[] | undefined {
  if (output.groups) return output.groups;
  const s = output.scores;
  if (!s) return undefined;
  return Array.from({ length: s.to - s.from + 1 }, (_, i) => String(s.from + i)).map((n) => ({ key: n, value: n }));
}

/** Counts the values of an output by group label (a score by its number). */
export function countGroups(output: RenderedOutput, values: readonly CellValue[]): Omit<PreviewedOutput, 'output' | 'values'> {
  let blank = 0;
  let other = 0;
  const groups = countedGroups(output);
  const byLabel = new Map<string, number>((groups ?? []).map((g) => [g.value, 0]));
  for (const v of values) {
    if (v === null) blank += 1;
    else {
      const label = typeof v === 'object' ? undefined : String(v);
      if (label !== undefined && byLabel.has(label)) byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      else other += 1;
    }
  }
  return {
    ...(groups ? { groups: groups.map((g) => ({ key: g.key, value: g.value, count: byLabel.get(g.value) ?? 0 })) } : {}),
    blank,
    other: groups ? other : 0,
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
