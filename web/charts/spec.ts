// What a chart is: a table, a kind, the grouping fields and a measure. Stored in the dashboard as the wire
// `Chart` (fields = groupBy, measures[0] = measure, options = the rest); chartToSpec/specToChart convert.
import { CHART_KINDS } from '../../common';
import type { Chart, ChartKind, Filter } from '../../common';
import type { MeasureSpec } from './measure';
import type { ChartMessageKey } from './chart-text';

/** The kinds, in the order the dialog offers them: the one list of common/wire. */
export { CHART_KINDS };
export type { ChartKind };

export interface ChartSpec {
  tableId: string;
  kind: ChartKind;
  /**
   * bar/donut/treemap: [grouping field]; crosstab: [row field, column field];
   * pareto: [ABC field] or [] (bands then cut at 80%/95%); histogram: [tier field] (its cut points drawn) or [];
   * summary (a table of groups): [grouping field].
   */
  groupBy: string[];
  /** pareto and histogram: the number field is `measure.fieldId` (op sum or avg); summary: sum and average of it. */
  measure: MeasureSpec;
  filter?: Filter;
  /** pareto: the field naming each customer in tooltips. */
  labelFieldId?: string;
  /** histogram: about how many bins (default 20). */
  bins?: number;
}

export const KIND_LABEL: Record<ChartKind, ChartMessageKey> = {
  bar: 'kindBar', donut: 'kindDonut', treemap: 'kindTreemap', pareto: 'kindPareto', crosstab: 'kindCrosstab', histogram: 'kindHistogram',
  summary: 'kindSummary',
};

export function isChartKind(k: string): k is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(k);
}

/** The number field of a pareto or histogram chart. */
export function valueFieldId(spec: ChartSpec): string | null {
  return spec.measure.op === 'count' ? null : spec.measure.fieldId;
}

/** Whether the spec has what its kind needs (field counts, a number field). */
export function isCompleteSpec(spec: ChartSpec): boolean {
  switch (spec.kind) {
    case 'bar': case 'donut': case 'treemap': case 'summary': return spec.groupBy.length === 1;
    case 'crosstab': return spec.groupBy.length === 2;
    case 'pareto': return spec.groupBy.length <= 1 && valueFieldId(spec) !== null;
    case 'histogram': return spec.groupBy.length <= 1 && valueFieldId(spec) !== null;
  }
}

/** A chart whose kind may be one this web does not know (a name from elsewhere: a template's chart kinds). */
export type AnyKindChart = Omit<Chart, 'kind'> & { kind: string };

export function chartToSpec(chart: AnyKindChart): ChartSpec | null {
  if (!isChartKind(chart.kind)) return null;
  const m = chart.measures?.[0];
  const measure: MeasureSpec = m && (m.op === 'sum' || m.op === 'avg') ? { op: m.op, fieldId: m.fieldId } : { op: 'count' };
  const spec: ChartSpec = { tableId: chart.tableId, kind: chart.kind, groupBy: [...chart.fields], measure };
  if (chart.filter) spec.filter = chart.filter;
  const label = chart.options?.labelFieldId;
  if (typeof label === 'string') spec.labelFieldId = label;
  const bins = chart.options?.bins;
  if (typeof bins === 'number') spec.bins = bins;
  return spec;
}

export function specToChart(spec: ChartSpec, rest: Pick<Chart, 'id' | 'place'> & { title?: string }): Chart {
  const chart: Chart = { ...rest, tableId: spec.tableId, kind: spec.kind, fields: [...spec.groupBy] };
  if (spec.measure.op !== 'count') chart.measures = [{ op: spec.measure.op, fieldId: spec.measure.fieldId }];
  if (spec.filter) chart.filter = spec.filter;
  const options: Record<string, unknown> = {};
  if (spec.labelFieldId) options.labelFieldId = spec.labelFieldId;
  if (spec.bins) options.bins = spec.bins;
  if (Object.keys(options).length > 0) chart.options = options;
  return chart;
}
