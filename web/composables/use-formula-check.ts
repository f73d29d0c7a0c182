import { computed, onBeforeUnmount, ref, type Ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Diagnostic } from '../../formulas';
import { getApi } from '../api/client';
import type { CellValue, Language, ResultType } from '../api/types';
import { localDiagnostics } from '../components/formula/formula-lang';
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

  watch(source, (text) => {
    clearTimeout(timer);
    serverDiagnostics.value = [];
    if (local.value.length) {
      resultType.value = null;
      preview.value = [];
      return;
    }
    timer = setTimeout(() => void runServer(text), 350);
  }, { immediate: true });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  const diagnostics = computed(() => (local.value.length ? local.value : serverDiagnostics.value));
  return { diagnose, diagnostics, resultType, preview, checking, serverError };
}
