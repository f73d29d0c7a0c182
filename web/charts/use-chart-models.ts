// Loads the models of a list of dashboard charts and reloads them when the charts, the language or a
// `version` (bump it when data or formulas change: `changes`/`refetch` for the chart's table) change.
import { shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { Chart, Field, Language } from '../../common';
import { loadDashboardChart } from './load-chart';
import { createChartText, type ChartText } from './chart-text';
import { errorState, type ChartDataError } from './states';
import { baseOption, type ChartContext, type ChartModel } from './theme';

export interface ChartModelsOptions {
  charts: MaybeRefOrGetter<readonly Chart[]>;
  /** The fields of a table (from the store; fetched if needed). */
  fieldsOf: (tableId: string) => Promise<readonly Field[]>;
  locale: MaybeRefOrGetter<Language>;
  t?: MaybeRefOrGetter<ChartText | undefined>;
  /** Font scale: 1 on a laptop, about 1.4 for a projector (a "presentation" toggle). */
  scale?: MaybeRefOrGetter<number>;
  /** Anything that changes when data or formulas change. */
  version?: MaybeRefOrGetter<unknown>;
  fetch?: typeof fetch;
}

export function useChartModels(o: ChartModelsOptions) {
  const models = shallowRef<Record<string, ChartModel | null>>({});
  let controller: AbortController | null = null;
  const loaded = new Map<string, string>();

  function context(): ChartContext {
    const locale = toValue(o.locale);
    return { locale, t: toValue(o.t) ?? createChartText(locale), scale: toValue(o.scale) ?? 1 };
  }

  async function loadOne(chart: Chart, signal: AbortSignal): Promise<void> {
    models.value = { ...models.value, [chart.id]: null };
    try {
      const model = await loadDashboardChart(chart, await o.fieldsOf(chart.tableId), context(), { signal, ...(o.fetch ? { fetch: o.fetch } : {}) });
      if (!signal.aborted) models.value = { ...models.value, [chart.id]: model };
    } catch (e) {
      if (signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
      // e.g. the fields could not be loaded: shown as the chart's error state, never thrown into the page.
      const ctx = context();
      models.value = { ...models.value, [chart.id]: { option: baseOption(ctx), keys: {}, state: errorState(ctx, asDataError(e)) } };
    }
  }

  /** Reload one chart, or all of them. Arrangement-only changes (place, title) do not refetch. */
  async function reload(chartId?: string, force = true): Promise<void> {
    if (!chartId) {
      controller?.abort();
      controller = new AbortController();
    }
    const signal = controller?.signal ?? new AbortController().signal;
    const charts = toValue(o.charts).filter((c) => !chartId || c.id === chartId);
    await Promise.all(charts.map((c) => {
      const key = dataKey(c);
      if (!force && loaded.get(c.id) === key && models.value[c.id]) return Promise.resolve();
      loaded.set(c.id, key);
      return loadOne(c, signal);
    }));
  }

  watch(() => toValue(o.charts).map(dataKey).join('\n'), () => void reload(undefined, false), { immediate: true });
  watch([() => toValue(o.locale), () => toValue(o.version), () => toValue(o.scale)], () => void reload());

  return { models, reload };
}

function asDataError(e: unknown): ChartDataError {
  const r = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
  return {
    status: typeof r.status === 'number' ? r.status : 0,
    code: typeof r.code === 'string' ? r.code : 'INTERNAL',
    message: e instanceof Error ? e.message : String(e),
  };
}

/** What a chart's data depends on (not its place or title). */
function dataKey(c: Chart): string {
  return JSON.stringify([c.id, c.tableId, c.kind, c.fields, c.measures, c.filter, c.options]);
}
