import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getApi } from '../api/client';
import type { CellValue, Field } from '../api/types';
import { PALETTE } from '../components/grid/group-colors';
import { regionOf } from '../components/wizard/regions';
import { buildFormula, labelsOf, type MappingRule, type StageRule, type ThresholdRule, type TierRule, type WizardMethod, type WizardSpec, warningsOf } from '../components/wizard/rules';
import { categoriesOf, type GroupPreview, previewGroups, type SourceType } from '../components/wizard/preview';
import { quantileCuts } from '../components/wizard/suggest';
import { useWorkbookStore } from './workbook';

export const SAMPLE_MAX = 20_000;
const PAGE = 1_000;

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
  high: string; mid: string; low: string; active: string; silent: string; lost: string; other: string;
}

/** The grouping wizard: source field, method, rules; live counts on a sample of the column; writes a formula field. */
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

  const field = computed(() => useWorkbookStore().fields.find((f) => f.id === fieldId.value) ?? null);
  const sourceType = computed(() => (field.value ? sourceTypeOf(field.value) : null));
  const numbers = computed(() => values.value.filter((v): v is number => typeof v === 'number'));
  const categories = computed(() => categoriesOf(values.value));
  const sampled = computed(() => total.value > values.value.length);

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
        return { method: 'mapping', field: f.name, rules, elseLabel: elseLabel.value };
      }
    }
    return null;
  });
  const formula = computed(() => (spec.value ? buildFormula(spec.value) : ''));
  const labels = computed(() => (spec.value ? labelsOf(spec.value) : []));
  const warnings = computed(() => (spec.value ? warningsOf(spec.value, categories.value.map((c) => c.value)) : []));
  const colors = computed(() => Object.fromEntries(labels.value.map((l, i) => [l, PALETTE[i % PALETTE.length] ?? '#e5e7eb'])));

  const preview = computed<GroupPreview | { error: string } | null>(() => {
    if (!spec.value || !sourceType.value || values.value.length === 0) return null;
    try {
      const asOf = useWorkbookStore().workbook?.asOf ?? undefined;
      return previewGroups(formula.value, spec.value.field, sourceType.value, values.value, labels.value, asOf);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  async function loadSample(): Promise<void> {
    const wb = useWorkbookStore();
    const f = field.value;
    if (!wb.table || !f) return;
    loading.value = true;
    loadError.value = null;
    values.value = [];
    try {
      const first = await getApi().getRows(wb.table.id, { offset: 0, limit: PAGE });
      total.value = first.total;
      const pages = Math.min(Math.ceil(first.total / PAGE), SAMPLE_MAX / PAGE);
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) => getApi().getRows(wb.table?.id ?? '', { offset: (i + 1) * PAGE, limit: PAGE })),
      );
      values.value = [first, ...rest].flatMap((p) => p.rows.map((r) => r.cells[f.id] ?? null));
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Pick a source field and method, with rules suggested from its data. */
  async function choose(id: string, l: WizardLabels): Promise<void> {
    fieldId.value = id;
    const methods = methodsFor(sourceType.value);
    if (!methods.includes(method.value)) method.value = methods[0] ?? 'thresholds';
    await loadSample();
    setMethod(method.value, l);
  }

  function setMethod(m: WizardMethod, l: WizardLabels): void {
    method.value = m;
    const f = field.value;
    const cuts = quantileCuts(numbers.value, 3);
    elseLabel.value = m === 'stages' ? l.lost : m === 'mapping' ? l.other : l.low;
    thresholds.value = [{ label: l.high, min: cuts[0] ?? 10000 }, { label: l.mid, min: cuts[1] ?? 3000 }];
    tiers.value = [{ label: l.high, pct: 0.2 }, { label: l.mid, pct: 0.3 }];
    stages.value = [{ label: l.active, maxDays: 30 }, { label: l.silent, maxDays: 180 }];
    abc.value = { a: 0.8, b: 0.95, labels: ['A', 'B', 'C'] };
    if (m === 'mapping') suggestRegions();
    if (f && !name.value) name.value = '';
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
    mappingGroups.value = groups.length ? groups : [];
  }

  function reset(): void {
    fieldId.value = null;
    values.value = [];
    total.value = 0;
    name.value = '';
    loadError.value = null;
  }

  return {
    fieldId, method, values, total, loading, loadError, name, thresholds, tiers, abc, mappingGroups, mappingOf, stages, elseLabel,
    field, sourceType, numbers, categories, sampled, spec, formula, labels, warnings, colors, preview,
    choose, setMethod, suggestRegions, loadSample, reset,
  };
});
