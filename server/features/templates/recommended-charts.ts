// A template's recommended charts as dashboard charts over the fields an apply made. Nothing is saved here:
// a new workbook from a template saves them as its dashboard; applying to an own table only answers them.
import { pick } from '../../../templates';
import type { Template } from '../../../templates';
import type { Chart, ChartKind, Language } from '../../../common';

export interface ChartTargets {
  tableId: string;
  language: Language;
  /** Output key → id of the field made for it (under its name, renamed or not). */
  outputs: ReadonlyMap<string, string>;
  /** Input key → id of the field it is mapped to on the target table. */
  inputs: ReadonlyMap<string, string>;
  /** Ids of the charts already on the dashboard: a recommended chart never takes one. */
  takenIds?: Iterable<string>;
  /** Row of the first chart (below the dashboard's charts). */
  firstRow?: number;
}

/** "output:key" → the output's field, "input:key" → the mapped field; a chart without its x field is left out. */
export function recommendedCharts(template: Template, targets: ChartTargets): Chart[] {
  const taken = new Set(targets.takenIds ?? []);
  const firstRow = targets.firstRow ?? 0;
  const fieldOf = (ref: string | undefined): string | undefined => {
    if (!ref) return undefined;
    const [kind, key = ''] = ref.split(':');
    return kind === 'output' ? targets.outputs.get(key) : targets.inputs.get(key);
  };
  const charts: Chart[] = [];
  template.charts.forEach((c, i) => {
    const x = fieldOf(c.x);
    if (!x) return;
    const y = fieldOf(c.y);
    const measureField = fieldOf(c.measure?.field);
    const op = c.measure?.op;
    const id = freeId(c.key, taken);
    taken.add(id);
    charts.push({
      id,
      tableId: targets.tableId,
      kind: dashboardKind(c.kind),
      title: pick(c.title, targets.language),
      fields: y ? [x, y] : [x],
      ...(op && op !== 'count' && measureField ? { measures: [{ op, fieldId: measureField }] } : {}),
      // The dashboard grid is 4 columns wide (web/charts/dashboard-layout.ts): two charts a row, wide ones alone.
      place: { x: 0, y: firstRow + i, w: c.kind === 'heatmap' || c.kind === 'pareto' ? 4 : 2, h: 1 },
    });
  });
  return charts;
}

/** The key itself when free, else key-2, key-3, … (a template applied twice recommends its charts twice). */
function freeId(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  let n = 2;
  while (taken.has(`${key}-${n}`)) n++;
  return `${key}-${n}`;
}

/** The first free row below a dashboard's charts. */
export function rowBelow(charts: readonly Chart[]): number {
  return charts.reduce((row, c) => Math.max(row, c.place.y + 1), 0);
}

/** The dashboard's chart kinds for a template's recommended chart kinds. */
export function dashboardKind(kind: Template['charts'][number]['kind']): ChartKind {
  switch (kind) {
    case 'pie': return 'donut';
    case 'heatmap': case 'scatter': return 'crosstab';
    case 'bar': case 'donut': case 'pareto': case 'treemap': case 'histogram': return kind;
  }
}
