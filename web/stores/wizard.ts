import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { getApi } from '../api/client';
import type { CellValue, Field } from '../api/types';
import { PALETTE } from '../grid/group-colors';
import { CHINA_REGIONS, regionOf } from '../wizard/regions';
import { buildFormula, type InputError, inputErrorsOf, labelsOf, type MappingRule, type StageRule, type ThresholdRule, type TierRule, type WizardMethod, type WizardSpec, warningsOf } from '../wizard/rules';
import { categoriesOf, type GroupPreview, previewGroups, type SourceType } from '../wizard/preview';
import { type Bin, dayCuts, daysSince, niceRound, paretoCuts, quantileCuts } from '../wizard/suggest';
import { countFormula, countsToPreview, wholeCategories, wholeDayHistogram, wholeParetoCuts, wholePercentiles, wholeQuantiles } from '../wizard/whole-table';
import { useWorkbookStore } from './workbook';

export const SAMPLE_MAX = 20_000;
const PAGE = 1_000;
/** Wait after the last edit before asking the server to count a big table. */
export const COUNT_DELAY_MS = 250;

export function sourceTypeOf(f: Field): SourceType | null {
  const t = f.type === 'formula' ? f.resultType : f.type === 'select' ? 'text' : f.type;
  return t === 'text' || t === 'number' || t === 'date' || t === 'boolean' ? t : null;
}

export function methodsFor(t: SourceType | null): WizardMethod[] {
  if (t === 'number') return ['thresholds', 'quantiles', 'abc'];
  if (t === 'date') return ['stages'];
  if (t === 'text' || t === 'boolean') return ['mapping'];
  return [];
}

export interface WizardLabels {
  high: string; mid: string; low: string; active: string; silent: string; lost: string; other: string; yes: string; no: string;
}

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/**
 * The grouping wizard: source field, method, rules; writes a formula field. A table of up to SAMPLE_MAX rows is
 * loaded whole and counted in the browser as you type. A bigger one is loaded as a sample (the first rows) and the
 * figures people act on come from the server over every row: rows per group, the histogram, the suggested cuts
 * and the categories. Only the stages' day histogram falls back to the sample if the server cannot answer.
 */
export const useWizardStore = defineStore('wizard', () => {
  const fieldId = ref<string | null>(null);
  const method = ref<WizardMethod>('thresholds');
  const values = ref<CellValue[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  const name = ref('');
  const thresholds = ref<ThresholdRule[]>([]);
  const tiers = ref<TierRule[]>([]);
  const abc = ref({ a: 0.8, b: 0.95, labels: ['A', 'B', 'C'] as [string, string, string] });
  const mappingGroups = ref<string[]>([]);
  /** category → group label ('' = not mapped). */
  const mappingOf = ref<Record<string, string>>({});
  const stages = ref<StageRule[]>([]);
  const elseLabel = ref('');
  /** Whole-table figures of a big table (null while unknown or on a small table). */
  const wholeBins = ref<Bin[] | null>(null);
  const wholeDayBins = ref<Bin[] | null>(null);
  const wholeCats = ref<{ value: string; count: number }[] | null>(null);
  const serverCounts = ref<{ counts: { value: CellValue; count: number }[]; rows: number } | { error: string } | null>(null);
  const counting = ref(false);
  const suggesting = ref(false);
  const suggestError = ref<unknown>(null);

  const field = computed(() => useWorkbookStore().fields.find((f) => f.id === fieldId.value) ?? null);
  const sourceType = computed(() => (field.value ? sourceTypeOf(field.value) : null));
  const numbers = computed(() => values.value.filter((v): v is number => typeof v === 'number'));
  const sampled = computed(() => total.value > values.value.length);
  const categories = computed(() => (sampled.value && wholeCats.value ? wholeCats.value : categoriesOf(values.value)));
  const asOfMs = computed(() => {
    const iso = useWorkbookStore().workbook?.asOf;
    return iso ? Date.parse(`${iso}T00:00:00Z`) : Date.now();
  });

  const spec = computed<WizardSpec | null>(() => {
    const f = field.value;
    if (!f) return null;
    switch (method.value) {
      case 'thresholds': return { method: 'thresholds', field: f.name, rules: thresholds.value, elseLabel: elseLabel.value };
      case 'quantiles': return { method: 'quantiles', field: f.name, tiers: tiers.value, elseLabel: elseLabel.value };
      case 'abc': return { method: 'abc', field: f.name, ...abc.value };
      case 'stages': return { method: 'stages', field: f.name, rules: stages.value, elseLabel: elseLabel.value };
      case 'mapping': {
        const rules: MappingRule[] = mappingGroups.value.map((label) => ({
          label,
          values: Object.entries(mappingOf.value).filter(([, g]) => g === label).map(([c]) => c),
        }));
        return { method: 'mapping', field: f.name, rules, elseLabel: elseLabel.value, ...(sourceType.value === 'boolean' ? { boolean: true } : {}) };
      }
    }
    return null;
  });
  /** Number inputs left empty or not a number: they block "create" and are never read as 0. */
  const inputErrors = computed<InputError[]>(() => (spec.value ? inputErrorsOf(spec.value) : []));
  const formula = computed(() => (spec.value ? buildFormula(spec.value) : ''));
  const labels = computed(() => (spec.value ? labelsOf(spec.value) : []));
  const warnings = computed(() => (spec.value ? warningsOf(spec.value, categories.value.map((c) => c.value)) : []));
  const colors = computed(() => Object.fromEntries(labels.value.map((l, i) => [l, PALETTE[i % PALETTE.length] ?? '#e5e7eb'])));

  /** Rows per group: the server's count of every row on a big table, else counted here as you type. */
  const preview = computed<GroupPreview | { error: string } | null>(() => {
    if (!spec.value || !sourceType.value || values.value.length === 0 || inputErrors.value.length > 0) return null;
    if (sampled.value) {
      const s = serverCounts.value;
      if (!s) return null;
      return 'error' in s ? s : countsToPreview(s.counts, s.rows, labels.value);
    }
    try {
      const asOf = useWorkbookStore().workbook?.asOf ?? undefined;
      return previewGroups(formula.value, spec.value.field, sourceType.value, values.value, labels.value, asOf);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  // Live counts of a big table: debounced, the latest request wins, the one before is aborted.
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let countAbort: AbortController | null = null;
  function stopCounting(): void {
    clearTimeout(countTimer);
    countAbort?.abort();
    countAbort = null;
    counting.value = false;
  }
  function scheduleCount(): void {
    stopCounting();
    const tableId = useWorkbookStore().table?.id;
    if (!sampled.value || !tableId || !formula.value || loading.value || inputErrors.value.length > 0) return;
    counting.value = true;
    const source = formula.value;
    countTimer = setTimeout(() => {
      const ctl = new AbortController();
      countAbort = ctl;
      countFormula(tableId, source, ctl.signal)
        .then((r) => {
          if (countAbort === ctl) serverCounts.value = r;
        })
        .catch((e: unknown) => {
          if (!isAbort(e) && countAbort === ctl) serverCounts.value = { error: e instanceof Error ? e.message : String(e) };
        })
        .finally(() => {
          if (countAbort === ctl) {
            countAbort = null;
            counting.value = false;
          }
        });
    }, COUNT_DELAY_MS);
  }
  watch([formula, sampled, loading], scheduleCount);

  /** A big table's cut values of the top-X% tiers and of ABC, for the chart's lines (exact, from every row). */
  const wholeCuts = ref<number[] | null>(null);
  let cutsTimer: ReturnType<typeof setTimeout> | undefined;
  let cutsAbort: AbortController | null = null;
  function scheduleCuts(): void {
    clearTimeout(cutsTimer);
    cutsAbort?.abort();
    wholeCuts.value = null;
    const f = field.value;
    const tableId = useWorkbookStore().table?.id;
    if (!sampled.value || !f || !tableId || loading.value || inputErrors.value.length > 0 || (method.value !== 'quantiles' && method.value !== 'abc')) return;
    const m = method.value;
    let cum = 0;
    const shares = m === 'quantiles' ? tiers.value.map((t) => 1 - (cum += t.pct)) : [abc.value.a, abc.value.b];
    cutsTimer = setTimeout(() => {
      const ctl = new AbortController();
      cutsAbort = ctl;
      const work = m === 'quantiles' ? wholePercentiles(tableId, f.name, shares, ctl.signal) : wholeParetoCuts(tableId, f, shares, ctl.signal);
      work.then((cuts) => {
        if (cutsAbort === ctl) wholeCuts.value = cuts;
      }).catch(() => undefined); // the lines then stay read off the histogram
    }, COUNT_DELAY_MS);
  }
  watch(() => JSON.stringify([method.value, tiers.value.map((t) => t.pct), abc.value.a, abc.value.b, sampled.value, loading.value, fieldId.value]), scheduleCuts);

  async function loadSample(): Promise<void> {
    const wb = useWorkbookStore();
    const f = field.value;
    if (!wb.table || !f) return;
    const tableId = wb.table.id;
    loading.value = true;
    loadError.value = null;
    values.value = [];
    wholeBins.value = null;
    wholeDayBins.value = null;
    wholeCats.value = null;
    serverCounts.value = null;
    try {
      const first = await getApi().getRows(tableId, { offset: 0, limit: PAGE });
      total.value = first.total;
      const pages = Math.min(Math.ceil(first.total / PAGE), SAMPLE_MAX / PAGE);
      const rest = Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) => getApi().getRows(tableId, { offset: (i + 1) * PAGE, limit: PAGE })),
      );
      // Without the whole-table figures the wizard still works on the sample, and says so.
      const whole = first.total > SAMPLE_MAX ? loadWhole(tableId, f).catch(() => undefined) : Promise.resolve();
      const [pagesRest] = await Promise.all([rest, whole]);
      values.value = [first, ...pagesRest].flatMap((p) => p.rows.map((r) => r.cells[f.id] ?? null));
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** The whole-table histogram (numbers), day histogram (dates) or categories (text) of a big table. */
  async function loadWhole(tableId: string, f: Field): Promise<void> {
    const t = sourceTypeOf(f);
    if (t === 'number') wholeBins.value = (await getApi().histogram(tableId, { fieldId: f.id, bins: 30 })).bins;
    else if (t === 'date') wholeDayBins.value = await wholeDayHistogram(tableId, f, 30, asOfMs.value);
    else wholeCats.value = await wholeCategories(tableId, f.name);
  }

  /** Pick a source field and method, with rules suggested from its data. */
  async function choose(id: string, l: WizardLabels): Promise<void> {
    fieldId.value = id;
    const methods = methodsFor(sourceType.value);
    if (!methods.includes(method.value)) method.value = methods[0] ?? 'thresholds';
    forgetMethods();
    await loadSample();
    setMethod(method.value, l);
  }

  /** The methods whose rules were set up for the current field: switching back keeps what the user typed. */
  const startedMethods = new Set<WizardMethod>();
  const elseLabelOf: Partial<Record<WizardMethod, string>> = {};

  function setMethod(m: WizardMethod, l: WizardLabels): void {
    if (startedMethods.has(method.value)) elseLabelOf[method.value] = elseLabel.value;
    method.value = m;
    if (startedMethods.has(m)) {
      elseLabel.value = elseLabelOf[m] ?? '';
      return;
    }
    startedMethods.add(m);
    elseLabel.value = m === 'stages' ? l.lost : m === 'mapping' ? l.other : l.low;
    if (m === 'thresholds') {
      const cuts = quantileCuts(numbers.value, 3);
      thresholds.value = [{ label: l.high, min: cuts[0] ?? 10000 }, { label: l.mid, min: cuts[1] ?? 3000 }];
    }
    if (m === 'quantiles') tiers.value = [{ label: l.high, pct: 0.2 }, { label: l.mid, pct: 0.3 }];
    if (m === 'stages') stages.value = [{ label: l.active, maxDays: 30 }, { label: l.silent, maxDays: 180 }];
    if (m === 'abc') abc.value = { a: 0.8, b: 0.95, labels: ['A', 'B', 'C'] };
    if (m === 'mapping' && sourceType.value === 'boolean') {
      // A yes/no field: two groups named yes and no, already mapped.
      mappingGroups.value = [l.yes, l.no];
      mappingOf.value = { true: l.yes, false: l.no };
    } else if (m === 'mapping') suggestRegions();
    // The first rows of a big table may not be typical: the starting cuts come from every row.
    if (m === 'thresholds' && sampled.value) void suggestQuantiles();
  }

  function forgetMethods(): void {
    startedMethods.clear();
    for (const k of Object.keys(elseLabelOf) as WizardMethod[]) delete elseLabelOf[k];
  }

  /** Applies suggested values to the rules unless they were edited while the server answered. */
  async function suggest<T>(rules: { value: T[] }, compute: () => Promise<(number | undefined)[]>, apply: (r: T, v: number) => T): Promise<void> {
    const before = JSON.stringify(rules.value);
    suggesting.value = true;
    suggestError.value = null;
    try {
      const cuts = await compute();
      if (JSON.stringify(rules.value) !== before) return;
      rules.value = rules.value.map((r, i) => {
        const v = cuts[i];
        return v === undefined || !Number.isFinite(v) ? r : apply(r, v);
      });
    } catch (e) {
      if (!isAbort(e)) suggestError.value = e;
    } finally {
      suggesting.value = false;
    }
  }

  /**
   * Equal-size groups: on a big table the server's PERCENTILE over every row (the same PERCENTILE.INC as
   * quantileCuts here; a one-value formula answers in a fraction of the time of reading sorted rows).
   */
  function suggestQuantiles(): Promise<void> {
    const groups = thresholds.value.length + 1;
    const f = field.value;
    const tableId = useWorkbookStore().table?.id;
    return suggest(thresholds, async () => {
      if (!sampled.value || !f || !tableId) return quantileCuts(numbers.value, groups);
      const qs = Array.from({ length: groups - 1 }, (_, k) => (groups - 1 - k) / groups);
      return (await wholePercentiles(tableId, f.name, qs)).map(niceRound);
    }, (r, min) => ({ ...r, min }));
  }

  /** Cuts where the largest values reach 80% / 95% of the total (every row on a big table). */
  function suggestPareto(): Promise<void> {
    const f = field.value;
    const tableId = useWorkbookStore().table?.id;
    return suggest(thresholds, async () => {
      if (!sampled.value || !f || !tableId) return paretoCuts(numbers.value, [0.8, 0.95]);
      return wholeParetoCuts(tableId, f, [0.8, 0.95]);
    }, (r, min) => ({ ...r, min }));
  }

  /** Stages of about equal size by days since the date (every row on a big table). */
  function suggestStages(): Promise<void> {
    const groups = stages.value.length + 1;
    const f = field.value;
    const tableId = useWorkbookStore().table?.id;
    return suggest(stages, async () => {
      if (!sampled.value || !f || !tableId) {
        const days = values.value.filter((v): v is string => typeof v === 'string').map((v) => daysSince(v, asOfMs.value));
        return dayCuts(days, groups);
      }
      // Fewest days first = latest dates first: position q of the days is position 1 − q of the dates.
      const qs = Array.from({ length: groups - 1 }, (_, k) => 1 - (k + 1) / groups);
      const got = await wholeQuantiles(tableId, f.id, qs);
      return got.map((v) => (typeof v === 'string' ? Math.round(daysSince(v, asOfMs.value)) : undefined));
    }, (r, maxDays) => ({ ...r, maxDays }));
  }

  /** Map categories that are Chinese provinces to their region; others stay unmapped. */
  function suggestRegions(): void {
    const map: Record<string, string> = {};
    const groups: string[] = [];
    for (const c of categories.value) {
      const r = regionOf(c.value);
      map[c.value] = r ?? '';
      if (r && !groups.includes(r)) groups.push(r);
    }
    mappingOf.value = map;
    // The usual order of the regions (华东, 华北, 华中…), not the order the data happens to list them in.
    const order = Object.keys(CHINA_REGIONS);
    mappingGroups.value = groups.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  /** Whether some category is a Chinese province (then the provinces → regions suggestion is offered). */
  const hasProvinces = computed(() => categories.value.some((c) => regionOf(c.value) !== null));

  function reset(): void {
    stopCounting();
    forgetMethods();
    fieldId.value = null;
    values.value = [];
    total.value = 0;
    name.value = '';
    loadError.value = null;
    wholeBins.value = null;
    wholeDayBins.value = null;
    wholeCats.value = null;
    serverCounts.value = null;
  }

  return {
    fieldId, method, values, total, loading, loadError, name, thresholds, tiers, abc, mappingGroups, mappingOf, stages, elseLabel,
    wholeBins, wholeDayBins, wholeCats, wholeCuts, serverCounts, counting, suggesting, suggestError,
    field, sourceType, numbers, categories, hasProvinces, sampled, asOfMs, spec, inputErrors, formula, labels, warnings, colors, preview,
    choose, setMethod, suggestRegions, suggestQuantiles, suggestPareto, suggestStages, loadSample, reset,
  };
});
