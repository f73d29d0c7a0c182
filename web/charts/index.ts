// The charts area: option builders (pure, no DOM), group order and colours, data loading, chart text.
export { createChartText, type ChartMessageKey, type ChartText } from './chart-text';
export {
  declaredGroups, groupColor, hashedColor, outlineFor, PALETTE, paletteColor, textColorFor, UNCLASSIFIED_COLOR,
} from './palette';
export { describeGroup, groupFilter, groupId, orderKeys, type ChartGroup, type KeyCount } from './groups';
export type { MeasureSpec } from './measure';
export { buildDistribution, type DistributionInput, type DistributionKind } from './distribution';
export { buildPareto, type ParetoInput } from './pareto';
export { buildCrosstab, crosstabTable, type CrosstabInput } from './crosstab';
export { binValues, buildHistogram, niceEdges, type Bin, type HistogramInput, type Threshold } from './histogram';
export { CHART_KINDS, chartToSpec, isCompleteSpec, KIND_LABEL, specToChart, type ChartKind, type ChartSpec } from './spec';
export { fetchChartData, HISTOGRAM_BINS, PARETO_ROW_LIMIT, type ChartData, type ChartDataResult } from './fetch-chart-data';
export { buildChart } from './build-chart';
export { loadChartModel, loadDashboardChart } from './load-chart';
export { summaryCsv, summaryTable, type SummaryTable } from './summary-table';
export { addChart, moveChart, removeChart, resizeChart } from './dashboard-layout';
export type { ChartDataError } from './states';
export { keysOfClick, type ChartContext, type ChartModel, type ChartOption, type GroupPick } from './theme';
