// Fetch + build in one step: what a chart card needs, from its spec, as a ChartModel (errors become its state).
import type { Field } from '../../common';
import { buildChart } from './build-chart';
import { fetchChartData, type FetchOptions } from './fetch-chart-data';
import { chartToSpec, isCompleteSpec, valueFieldId, type ChartSpec } from './spec';
import type { Chart } from '../../common';
import { emptyState, errorState } from './states';
import { baseOption, type ChartContext, type ChartModel } from './theme';

export async function loadChartModel(
  spec: ChartSpec, fields: readonly Field[], ctx: ChartContext, o: Omit<FetchOptions, 'language'>,
): Promise<ChartModel> {
  if (!isCompleteSpec(spec)) {
    return { option: baseOption(ctx), keys: {}, state: errorState(ctx, { status: 0, code: 'BAD_REQUEST', message: '' }) };
  }
  // A measure on a field that holds no numbers: say which field, before asking the server.
  const valueId = valueFieldId(spec);
  const valueField = valueId === null ? undefined : fields.find((f) => f.id === valueId);
  if (valueField && !(valueField.type === 'number' || (valueField.type === 'formula' && (valueField.resultType === 'number' || valueField.resultType === 'mixed')))) {
    return { option: baseOption(ctx), keys: {}, state: emptyState(ctx, 'numbers', valueField.name) };
  }
  const result = await fetchChartData(spec, { ...o, language: ctx.locale });
  return buildChart(spec, result, fields, ctx);
}

/** A saved dashboard chart → its model; unknown kinds get an error state. */
export async function loadDashboardChart(
  chart: Chart, fields: readonly Field[], ctx: ChartContext, o: Omit<FetchOptions, 'language'>,
): Promise<ChartModel> {
  const spec = chartToSpec(chart);
  if (!spec) return { option: baseOption(ctx), keys: {}, state: errorState(ctx, { status: 0, code: 'BAD_REQUEST', message: chart.kind }) };
  return loadChartModel(spec, fields, ctx, o);
}
