// Dashboard arrangement as pure list operations. Cards flow in a CSS grid in the order of place.y (then x);
// place.w is the column span (1..MAX_SPAN_W) and place.h the row span (1..MAX_SPAN_H). Every operation
// returns a new list with places renumbered (y = position, x = 0), ready to PUT as the dashboard.
import type { Chart } from '../../common';

export const GRID_COLUMNS = 4;
export const MAX_SPAN_W = GRID_COLUMNS;
export const MAX_SPAN_H = 3;

export function orderCharts(charts: readonly Chart[]): Chart[] {
  return [...charts].sort((a, b) => a.place.y - b.place.y || a.place.x - b.place.x);
}

function renumber(charts: readonly Chart[]): Chart[] {
  return charts.map((c, i) => ({ ...c, place: { ...c.place, x: 0, y: i } }));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

export function addChart(charts: readonly Chart[], chart: Chart): Chart[] {
  const w = clamp(chart.place.w || 2, 1, MAX_SPAN_W);
  const h = clamp(chart.place.h || 1, 1, MAX_SPAN_H);
  return renumber([...orderCharts(charts), { ...chart, place: { ...chart.place, w, h } }]);
}

/**
 * Charts made elsewhere (a template's recommended ones) after the dashboard's: in their own order, below every
 * card already there, each under an id no other card has (key, key-2, key-3, …).
 */
export function appendCharts(charts: readonly Chart[], added: readonly Chart[]): Chart[] {
  const taken = new Set(charts.map((c) => c.id));
  const fresh = orderCharts(added).map((c) => {
    const id = freeChartId(c.id, taken);
    taken.add(id);
    return { ...c, id, place: { ...c.place, w: clamp(c.place.w || 2, 1, MAX_SPAN_W), h: clamp(c.place.h || 1, 1, MAX_SPAN_H) } };
  });
  return renumber([...orderCharts(charts), ...fresh]);
}

function freeChartId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

export function removeChart(charts: readonly Chart[], id: string): Chart[] {
  return renumber(orderCharts(charts).filter((c) => c.id !== id));
}

export function resizeChart(charts: readonly Chart[], id: string, dw: number, dh: number): Chart[] {
  return renumber(orderCharts(charts).map((c) => c.id !== id ? c : {
    ...c, place: { ...c.place, w: clamp(c.place.w + dw, 1, MAX_SPAN_W), h: clamp(c.place.h + dh, 1, MAX_SPAN_H) },
  }));
}

export function moveChart(charts: readonly Chart[], id: string, by: -1 | 1): Chart[] {
  const list = orderCharts(charts);
  const i = list.findIndex((c) => c.id === id);
  const j = i + by;
  const a = list[i];
  const b = list[j];
  if (i < 0 || !a || !b) return renumber(list);
  list[i] = b;
  list[j] = a;
  return renumber(list);
}

/** The CSS grid placement of a card. */
export function cardStyle(chart: Chart): Record<string, string> {
  return {
    gridColumn: `span ${clamp(chart.place.w, 1, MAX_SPAN_W)}`,
    gridRow: `span ${clamp(chart.place.h, 1, MAX_SPAN_H)}`,
  };
}

/**
 * The table name each card shows: only on a dashboard that mixes charts of several tables (chart id → name;
 * empty when one table, or its name is unknown).
 */
export function cardTableNames(charts: readonly Pick<Chart, 'id' | 'tableId'>[], names: Readonly<Record<string, string>>): Record<string, string> {
  if (new Set(charts.map((c) => c.tableId)).size < 2) return {};
  return Object.fromEntries(charts.map((c) => [c.id, names[c.tableId] ?? '']));
}
