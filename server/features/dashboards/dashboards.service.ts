// A workbook's dashboard: read chart by chart (older versions saved what this one refuses), saved once checked.
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/ids';
import { CHART_PLACE_BOUNDS, ChartSchema } from '../../../common';
import type { Chart, Dashboard } from '../../../common';
import { getWorkbook } from '../meta';
import { checkDashboard } from './dashboard-check';

export async function readDashboard(db: Executor, workbookId: string): Promise<Dashboard> {
  await getWorkbook(db, workbookId);
  const row = await db.selectFrom('workbooks').select('dashboard').where('id', '=', workbookId).executeTakeFirst();
  if (!row?.dashboard) return { charts: [] };
  return { charts: storedCharts(JSON.parse(row.dashboard) as unknown) };
}

/**
 * The charts of a saved dashboard, one by one: older versions saved any kind and place, and one such chart must not
 * hide the others. A place is brought into bounds; a chart still unreadable (a kind no one draws) is left out.
 */
function storedCharts(saved: unknown): Chart[] {
  const list = typeof saved === 'object' && saved !== null && 'charts' in saved && Array.isArray(saved.charts) ? (saved.charts as unknown[]) : [];
  const charts: Chart[] = [];
  const ids = new Set<string>();
  for (const item of list) {
    const parsed = ChartSchema.safeParse(typeof item === 'object' && item !== null && 'place' in item ? { ...item, place: placeInBounds(item.place) } : item);
    if (!parsed.success) continue;
    let id = parsed.data.id;
    for (let n = 2; ids.has(id); n++) id = `${parsed.data.id}-${n}`;
    ids.add(id);
    charts.push({ ...parsed.data, id });
  }
  return charts;
}

function placeInBounds(place: unknown): unknown {
  if (typeof place !== 'object' || place === null) return place;
  const out: Record<string, unknown> = { ...place };
  for (const [key, [lo, hi]] of Object.entries(CHART_PLACE_BOUNDS)) {
    const v = out[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = Math.min(hi, Math.max(lo, Math.round(v)));
  }
  return out;
}

export async function saveDashboard(db: Executor, workbookId: string, dashboard: Dashboard): Promise<Dashboard> {
  await getWorkbook(db, workbookId);
  await checkDashboard(db, workbookId, dashboard);
  await db.updateTable('workbooks').set({ dashboard: JSON.stringify(dashboard), updated_at: nowIso() }).where('id', '=', workbookId).execute();
  return dashboard;
}
