import { computed, onBeforeUnmount, ref, type Ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Diagnostic } from '../../formulas';
import { getApi } from '../api/client';
import type { CellValue, Language, ResultType } from '../api/types';
import { localDiagnostics } from '../formula/formula-lang';
import { useSchemaStore } from '../stores/schema';
import { useWorkbookStore } from '../stores/workbook';

/**
 * Errors while typing (the formula engine in the browser) and, once the text is clean, the server's check:
 * the result type and the first rows' results.
 */
export function useFormulaCheck(source: Ref<string>, fieldId: Ref<string | undefined>) {
  const wb = useWorkbookStore();
  const schema = useSchemaStore();
  const { locale } = useI18n();
  const serverDiagnostics = ref<Diagnostic[]>([]);
  const resultType = ref<ResultType | null>(null);
  const preview = ref<{ rowId: string; value: CellValue }[]>([]);
  const checking = ref(false);
  const serverError = ref<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  /** Names this editor already re-read the schema for: an unknown name costs one refresh, not one per keystroke. */
  const refreshedFor = new Set<string>();

  function diagnose(text: string): Diagnostic[] {
    const tableId = wb.table?.id;
    if (!tableId) return [];
    const local = localDiagnostics(text, schema.schema, tableId, locale.value as Language);
    if (local.length || text !== source.value) return local;
    return serverDiagnostics.value;
  }

  const local = computed(() => diagnose(source.value));

  async function runServer(text: string): Promise<void> {
    const tableId = wb.table?.id;
    controller?.abort();
    if (!tableId || text.trim() === '') {
      resultType.value = null;
      preview.value = [];
      return;
    }
    controller = new AbortController();
    checking.value = true;
    try {
      const r = await getApi().checkFormula(tableId, { source: text, fieldId: fieldId.value }, controller.signal);
      if (text !== source.value) return;
      serverError.value = null;
      if (r.ok) {
        serverDiagnostics.value = [];
        resultType.value = r.resultType;
        preview.value = r.preview;
      } else {
        serverDiagnostics.value = r.diagnostics.map((d) => ({ ...d, code: d.code as Diagnostic['code'] }));
        resultType.value = null;
        preview.value = [];
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      serverError.value = e;
    } finally {
      checking.value = false;
    }
  }

  /** Names the local check does not know and that were not looked for yet. */
  function unknownNames(text: string): string[] {
    return local.value
      .filter((d) => d.code === 'FORMULA_UNKNOWN_FIELD' || d.code === 'FORMULA_UNKNOWN_TABLE')
      .map((d) => text.slice(d.start, d.end))
      .filter((name) => !refreshedFor.has(name));
  }

  async function refreshSchemaFor(names: readonly string[]): Promise<void> {
    for (const name of names) refreshedFor.add(name);
    try {
      await schema.refresh();
    } catch (e) {
      serverError.value = e;
    }
  }

  watch(source, (text) => {
    clearTimeout(timer);
    serverDiagnostics.value = [];
    if (local.value.length) {
      resultType.value = null;
      preview.value = [];
      const unknown = unknownNames(text);
      // The name may have been added in another tab since this one loaded the fields: look once before saying no.
      if (unknown.length > 0) timer = setTimeout(() => void refreshSchemaFor(unknown), 350);
      return;
    }
    timer = setTimeout(() => void runServer(text), 350);
  }, { immediate: true });
  // After a refresh the local check may pass: then ask the server as usual.
  watch(
    () => schema.schema,
    () => {
      if (local.value.length > 0 || source.value.trim() === '') return;
      clearTimeout(timer);
      timer = setTimeout(() => void runServer(source.value), 350);
    },
  );
  onBeforeUnmount(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  const diagnostics = computed(() => (local.value.length ? local.value : serverDiagnostics.value));
  return { diagnose, diagnostics, resultType, preview, checking, serverError };
}
