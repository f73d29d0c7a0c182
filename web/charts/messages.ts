// Chart strings in zh-CN and en. Merge into vue-i18n as `charts` (see createChartText for use without it).
// Placeholders use vue-i18n's `{name}` form; no plural forms, so any translator can render them.
import type { Language } from '../../common';

const en = {
  count: 'Customers',
  share: 'Share',
  countShare: 'Share of customers',
  sum: 'Sum of {field}',
  avg: 'Average of {field}',
  min: 'Minimum of {field}',
  max: 'Maximum of {field}',
  total: 'Total',
  unclassified: 'Unclassified',
  moreGroups: '{n} more groups',
  errorGroup: 'Error {code}',
  action: 'Suggested action',
  rank: 'Customer rank (by {field}, high to low)',
  cumulative: 'Cumulative share',
  line80: '80%',
  line95: '95%',
  bandA: 'A',
  bandB: 'B',
  bandC: 'C',
  paretoShown: 'Top {shown} of {total} customers shown; the curve uses the full total.',
  paretoPartial: 'Top {shown} of {total} customers shown; add an ABC field to see the full curve.',
  bin: '{from} – {to}',
  threshold: 'Cut {value}',
  rows: 'Rows',
  emptyTitle: 'No data to chart yet',
  emptyHint: 'Add rows to the table, or clear the filter, then refresh.',
  emptyGroupsHint: 'No value in “{field}”. Fill the field or pick another grouping.',
  emptyNumericHint: '“{field}” has no numbers. Pick a number field for the measure.',
  errorTitle: 'The chart could not be drawn',
  errorHint: '{message} Check the chart settings, then refresh.',
  errorNetwork: 'Cannot reach the server. Check your connection, then refresh.',
  errorNotFound: 'The table or a field of this chart was deleted. Restore it from the trash or edit the chart.',
  loading: 'Loading…',
  refresh: 'Refresh',
  exportPng: 'Export PNG',
  exportCsv: 'Export CSV',
  group: 'Group',
  asOf: 'As of {date}',
  asOfToday: 'As of today, {date}',
  addChart: 'Add chart',
  removeChart: 'Remove',
  wider: 'Wider',
  narrower: 'Narrower',
  taller: 'Taller',
  shorter: 'Shorter',
  moveEarlier: 'Move earlier',
  moveLater: 'Move later',
  untitled: 'Untitled chart',
  noCharts: 'No charts yet. Use “Add chart” to chart a grouping.',
  sortBy: 'Sort by {column}',
  kindBar: 'Bar',
  kindDonut: 'Donut',
  kindTreemap: 'Treemap',
  kindPareto: 'Pareto (ABC)',
  kindCrosstab: 'Cross-tab',
  kindHistogram: 'Histogram',
  kindSummary: 'Summary table',
  projector: 'Projector mode',
  projectorHint: 'Large fonts and strong contrast for a projector or a wall screen',
  errorServer: 'The server could not compute this chart ({message}). Refresh in a moment; if it keeps failing, restart Segsheet.',
  emptyTableHint: 'This table has no rows yet. Import or paste data in the Table view, then come back.',
  emptyFilterHint: 'No row matches this chart’s filter. Change or clear the filter.',
} as const;

export type ChartMessageKey = keyof typeof en;
export type ChartMessages = Record<ChartMessageKey, string>;

const zhCN: ChartMessages = {
  count: '客户数',
  share: '占比',
  countShare: '客户占比',
  sum: '{field}合计',
  avg: '{field}平均',
  min: '{field}最小值',
  max: '{field}最大值',
  total: '合计',
  unclassified: '未分组',
  moreGroups: '其余 {n} 组',
  errorGroup: '错误 {code}',
  action: '建议动作',
  rank: '客户排名（按{field}从高到低）',
  cumulative: '累计占比',
  line80: '80%',
  line95: '95%',
  bandA: 'A 类',
  bandB: 'B 类',
  bandC: 'C 类',
  paretoShown: '显示前 {shown} 位客户（共 {total} 位），曲线按全部客户计算。',
  paretoPartial: '显示前 {shown} 位客户（共 {total} 位）；添加 ABC 分类字段可查看完整曲线。',
  bin: '{from} – {to}',
  threshold: '分界 {value}',
  rows: '行数',
  emptyTitle: '暂无可绘制的数据',
  emptyHint: '请先向表格添加数据，或清除筛选条件，然后刷新。',
  emptyGroupsHint: '“{field}”没有任何值。请填写该字段，或选择其他分组字段。',
  emptyNumericHint: '“{field}”中没有数字。请选择数字字段作为度量。',
  errorTitle: '图表无法绘制',
  errorHint: '{message} 请检查图表设置后刷新。',
  errorNetwork: '无法连接服务器。请检查网络后刷新。',
  errorNotFound: '此图表使用的表格或字段已被删除。请从回收站恢复，或修改图表设置。',
  loading: '加载中…',
  refresh: '刷新',
  exportPng: '导出 PNG',
  exportCsv: '导出 CSV',
  group: '分组',
  asOf: '数据截至 {date}',
  asOfToday: '数据截至今天（{date}）',
  addChart: '添加图表',
  removeChart: '移除',
  wider: '加宽',
  narrower: '变窄',
  taller: '加高',
  shorter: '变矮',
  moveEarlier: '前移',
  moveLater: '后移',
  untitled: '未命名图表',
  noCharts: '还没有图表。点击“添加图表”为分组绘制图表。',
  sortBy: '按{column}排序',
  kindBar: '柱状图',
  kindDonut: '环形图',
  kindTreemap: '矩形树图',
  kindPareto: '帕累托图（ABC）',
  kindCrosstab: '交叉表',
  kindHistogram: '直方图',
  kindSummary: '分组汇总表',
  projector: '投影模式',
  projectorHint: '大字号、高对比度，适合投影仪或大屏',
  errorServer: '服务器未能计算此图表（{message}）。请稍后刷新；如仍失败，请重启 Segsheet。',
  emptyTableHint: '此数据表还没有数据。请在“表格”视图中导入或粘贴数据后再回来。',
  emptyFilterHint: '没有符合此图表筛选条件的行。请修改或清除筛选条件。',
};

/** Ready to merge into vue-i18n: `messages['zh-CN'].charts = chartMessages['zh-CN'].charts`. */
export const chartMessages: Record<Language, { charts: ChartMessages }> = {
  'zh-CN': { charts: zhCN },
  en: { charts: en },
};

export type ChartParams = Record<string, string | number>;
/** Translates one chart message; vue-i18n users pass `(k, p) => t(`charts.${k}`, p ?? {})`. */
export type ChartText = (key: ChartMessageKey, params?: ChartParams) => string;

export function interpolate(template: string, params: ChartParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A translator over these messages alone (tests, or before the app's i18n is wired). */
export function createChartText(locale: Language): ChartText {
  const table = chartMessages[locale].charts;
  return (key, params) => interpolate(table[key], params);
}
