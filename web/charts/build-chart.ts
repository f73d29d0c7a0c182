// From a spec, its fetched data and the table's fields to the chart model a <ChartView> draws.
import type { Field } from '../../common';
import { buildCrosstab } from './crosstab';
import { buildDistribution } from './distribution';
import type { ChartDataResult } from './fetch-chart-data';
import { buildHistogram, tierThresholds } from './histogram';
import { buildPareto } from './pareto';
import type { ChartSpec } from './spec';
import { emptyState, errorState } from './states';
import { baseOption, type ChartContext, type ChartModel } from './theme';

export function buildChart(spec: ChartSpec, result: ChartDataResult, fields: readonly Field[], ctx: ChartContext): ChartModel {
  const model = buildModel(spec, result, fields, ctx);
  // Nothing to draw under a filter: say so, rather than "add rows".
  if (model.state?.kind === 'empty' && spec.filter) model.state = emptyState(ctx, 'filtered');
  return model;
}

function buildModel(spec: ChartSpec, result: ChartDataResult, fields: readonly Field[], ctx: ChartContext): ChartModel {
  if (!result.ok) return { option: baseOption(ctx), keys: {}, state: errorState(ctx, result.error) };
  const field = (id: string | undefined): Field | undefined => (id === undefined ? undefined : fields.find((f) => f.id === id));
  const measureField = spec.measure.op === 'count' ? undefined : field(spec.measure.fieldId);
  const measure = spec.measure;
  const data = result.data;
  const withMeasure = <T extends object>(o: T): T & { measureField?: Field } => (measureField ? { ...o, measureField } : o);
  switch (data.kind) {
    case 'summary':
      if (spec.kind === 'crosstab') {
        return buildCrosstab(withMeasure({ rowField: field(spec.groupBy[0]), colField: field(spec.groupBy[1]), measure, groups: data.groups }), ctx);
      }
      if (spec.kind === 'bar' || spec.kind === 'donut' || spec.kind === 'treemap') {
        return buildDistribution(withMeasure({ kind: spec.kind, field: field(spec.groupBy[0]), measure, groups: data.groups }), ctx);
      }
      break;
    case 'pareto': {
      const abcField = field(spec.groupBy[0]);
      return buildPareto({
        valueField: measureField, customers: data.customers, totalCount: data.totalCount,
        ...(abcField ? { abcField } : {}), ...(data.bands ? { bands: data.bands } : {}),
      }, ctx);
    }
    case 'histogram': {
      const tierField = field(spec.groupBy[0]);
      const thresholds = data.tiers ? tierThresholds(tierField, data.tiers, ctx) : [];
      return buildHistogram({ field: measureField, bins: data.bins, thresholds }, ctx);
    }
    case 'table': {
      const groupField = field(spec.groupBy[0]);
      if (data.total === 0) return { option: baseOption(ctx), keys: {}, state: emptyState(ctx, 'rows') };
      return { option: baseOption(ctx), keys: {}, table: { field: groupField, fields, groups: data.groups, measures: data.measures } };
    }
  }
  return { option: baseOption(ctx), keys: {}, state: errorState(ctx, { status: 0, code: 'BAD_REQUEST', message: `${spec.kind}?` }) };
}
