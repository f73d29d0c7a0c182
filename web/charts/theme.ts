// What every chart option shares: the option type, font sizes that read on a laptop and a projector,
// high-contrast text, number formats and safe tooltip HTML.
import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption, TreemapSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption,
  TitleComponentOption, TooltipComponentOption, VisualMapComponentOption,
} from 'echarts/components';
import type { CellValue, Field, Language, Measure, SummaryGroup } from '../../common';
import type { ChartText } from './chart-text';

export type ChartOption = ComposeOption<
  | BarSeriesOption | HeatmapSeriesOption | LineSeriesOption | PieSeriesOption | TreemapSeriesOption
  | GridComponentOption | LegendComponentOption | MarkAreaComponentOption | MarkLineComponentOption
  | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** Empty and error states: the wrapper shows these texts instead of a canvas. */
export interface ChartState {
  kind: 'empty' | 'error';
  title: string;
  hint: string;
}

/** One picked group: `index` is the position of its field in the chart's groupBy. */
export interface GroupPick {
  index: number;
  key: CellValue;
}

/** An option plus what a click on a data item means: item id → the groups it stands for. */
export interface ChartModel {
  option: ChartOption;
  keys: Record<string, GroupPick[]>;
  state?: ChartState;
  /** The group names drawn, in order: <ChartView> lists them for screen readers (and browser tests). */
  groups?: string[];
  /** A summary table instead of a canvas (chart kind "summary"): what <SummaryPanel> shows. */
  table?: SummaryTableInput;
}

export interface SummaryTableInput {
  field: Field | undefined;
  fields: readonly Field[];
  groups: readonly SummaryGroup[];
  measures: readonly Measure[];
}

export interface ChartContext {
  t: ChartText;
  locale: Language;
  /** 1 on a laptop; about 1.4 for a projector or a wall screen. */
  scale?: number;
}

export const TEXT_COLOR = '#111827';
export const MUTED_COLOR = '#475569';
export const AXIS_COLOR = '#64748b';
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export interface Fonts {
  base: number;
  label: number;
  axis: number;
  small: number;
}

export function fontsFor(ctx: ChartContext): Fonts {
  const s = ctx.scale ?? 1;
  return { base: Math.round(14 * s), label: Math.round(13 * s), axis: Math.round(13 * s), small: Math.round(12 * s) };
}

/** Options every chart starts from. */
export function baseOption(ctx: ChartContext): ChartOption {
  const f = fontsFor(ctx);
  return {
    // The first draw is not animated: a dashboard of big tables should show its figures at once (and the 1 s
    // budget of issue 7 is to the finished chart); changes after an edit still move, so the eye sees what changed.
    animationDuration: 0,
    animationDurationUpdate: 300,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: f.base, color: TEXT_COLOR },
    tooltip: {
      confine: true,
      borderColor: '#cbd5e1',
      textStyle: { fontSize: f.base, color: TEXT_COLOR },
      extraCssText: 'max-width: 360px; white-space: normal;',
    },
  };
}

export function axisStyle(ctx: ChartContext) {
  const f = fontsFor(ctx);
  return {
    axisLabel: { fontSize: f.axis, color: TEXT_COLOR },
    axisLine: { lineStyle: { color: AXIS_COLOR } },
    nameTextStyle: { fontSize: f.axis, color: MUTED_COLOR },
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number, style: 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `${locale}|${digits}|${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: style === 'percent' ? digits : 0, style });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, locale: string, digits = 2): string {
  return numberFormat(locale, digits, 'decimal').format(n);
}

/** 0.1234 → "12.3%". */
export function formatPercent(share: number, locale: string, digits = 1): string {
  return numberFormat(locale, digits, 'percent').format(share);
}

/** Short axis numbers: 12,345,678 → "12.3M" / "1234.6万". */
export function formatCompact(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tooltip: a bold title and label/value lines; every text is escaped (group names are user data). */
export function tooltipHtml(title: string, lines: readonly [string, string][], notes: readonly string[] = []): string {
  const rows = lines.map(([k, v]) => `<div>${escapeHtml(k)}: <b>${escapeHtml(v)}</b></div>`).join('');
  const extra = notes.map((n) => `<div style="margin-top:4px;color:${MUTED_COLOR}">${escapeHtml(n)}</div>`).join('');
  return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(title)}</div>${rows}${extra}`;
}

/** The dataIndex of a formatter's or event's params (the first one when ECharts passes a list). */
export function dataIndexOf(p: unknown): number {
  const first: unknown = Array.isArray(p) ? p[0] : p;
  if (typeof first !== 'object' || first === null || !('dataIndex' in first)) return -1;
  const i = (first as { dataIndex: unknown }).dataIndex;
  return typeof i === 'number' ? i : -1;
}

/** The data item of a formatter's params. */
export function dataOf(p: unknown): unknown {
  const first: unknown = Array.isArray(p) ? p[0] : p;
  return typeof first === 'object' && first !== null && 'data' in first ? (first as { data: unknown }).data : undefined;
}

/** Reads the `id` an option builder put on a data item (click events carry the item back). */
export function itemId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const id = (data as { id: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** The group keys of a clicked item, or null for axis labels, totals and other non-group items. */
export function keysOfClick(model: Pick<ChartModel, 'keys'>, data: unknown): GroupPick[] | null {
  const id = itemId(data);
  return id === null ? null : (model.keys[id] ?? null);
}
