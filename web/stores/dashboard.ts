import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Chart } from '../../common';
import { getApi } from '../api/client';
import { appendCharts } from '../charts/dashboard-layout';
import type { CellValue } from '../api/types';

/** A grid filter to apply once the grid of `tableId` is ready (chart click → filtered grid). */
export interface PendingFilter {
  tableId: string;
  picks: { fieldId: string; key: CellValue }[];
}

/** The workbook's dashboard: which view is shown, the saved charts, and a data version for refreshes. */
export const useDashboardStore = defineStore('dashboard', () => {
  const view = ref<'grid' | 'dashboard'>('grid');
  const workbookId = ref<string | null>(null);
  const charts = ref<Chart[]>([]);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  const saveError = ref<unknown>(null);
  /** Bumped when data or formulas change: the charts reload. */
  const version = ref(0);
  const pendingFilter = ref<PendingFilter | null>(null);

  async function load(id: string): Promise<void> {
    workbookId.value = id;
    loading.value = true;
    loadError.value = null;
    try {
      const d = await getApi().getDashboard(id);
      if (workbookId.value === id) charts.value = d.charts;
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Show the new arrangement at once and save it; on failure keep it shown and report the error. */
  async function save(next: Chart[]): Promise<void> {
    const id = workbookId.value;
    if (!id) return;
    charts.value = next;
    saveError.value = null;
    try {
      await getApi().putDashboard(id, { charts: next });
    } catch (e) {
      saveError.value = e;
    }
  }

  /**
   * Adds charts made elsewhere (a template's recommended ones) below a workbook's saved charts, reading the saved
   * dashboard first so nothing saved meanwhile is lost. Answers the added charts under their saved ids; errors go
   * to the caller.
   */
  async function appendToWorkbook(id: string, added: readonly Chart[]): Promise<Chart[]> {
    const api = getApi();
    const next = appendCharts((await api.getDashboard(id)).charts, added);
    const saved = (await api.putDashboard(id, { charts: next })).charts;
    if (workbookId.value === id) {
      charts.value = saved;
      saveError.value = null;
    }
    return added.length ? saved.slice(-added.length) : [];
  }

  function bump(): void {
    version.value++;
  }

  return { view, workbookId, charts, loading, loadError, saveError, version, pendingFilter, load, save, appendToWorkbook, bump };
});
