import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getApi } from '../api/client';
import type { ImportColumnType, ImportCommitResult, ImportPreview } from '../api/types';
import { useWorkbookStore } from './workbook';

export type ImportStep = 'pick' | 'preview' | 'running' | 'done';

/** `base`, or `base 2`, `base 3`… when a table already has that name (names are unique in a workbook). */
export function freeName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()));
  if (!used.has(base.trim().toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** The import dialog: upload → preview (types, target, mapping) → commit with progress → report. */
export const useImportStore = defineStore('import', () => {
  const open = ref(false);
  const step = ref<ImportStep>('pick');
  const busy = ref(false);
  const error = ref<unknown>(null);
  const preview = ref<ImportPreview | null>(null);
  const types = ref<Record<string, ImportColumnType>>({});
  const mode = ref<'new' | 'append'>('new');
  const newName = ref('');
  const appendTableId = ref<string | null>(null);
  const mapping = ref<Record<string, string | null>>({});
  const badRows = ref<'skip' | 'abort'>('skip');
  const progress = ref<{ rows: number; total: number } | null>(null);
  const result = ref<ImportCommitResult | null>(null);

  function reset(): void {
    step.value = 'pick';
    busy.value = false;
    error.value = null;
    preview.value = null;
    types.value = {};
    mapping.value = {};
    progress.value = null;
    result.value = null;
    mode.value = 'new';
    appendTableId.value = null;
  }

  function openDialog(): void {
    reset();
    open.value = true;
  }

  async function upload(file: File): Promise<void> {
    const wb = useWorkbookStore();
    if (!wb.workbook) return;
    busy.value = true;
    error.value = null;
    try {
      const p = await getApi().uploadImport(wb.workbook.id, file);
      preview.value = p;
      types.value = Object.fromEntries(p.columns.map((c) => [c.name, c.type]));
      newName.value = freeName(file.name.replace(/\.(csv|txt|tsv|xlsx|csv\.gz)$/i, '') || file.name, wb.tables.map((tb) => tb.name));
      const current = wb.table;
      appendTableId.value = current?.id ?? null;
      if (current) autoMap(current.fields.map((f) => ({ id: f.id, name: f.name, formula: f.type === 'formula' })));
      step.value = 'preview';
    } catch (e) {
      error.value = e;
    } finally {
      busy.value = false;
    }
  }

  /** Map each file column to the target field of the same name (case- and space-insensitive). */
  function autoMap(fields: { id: string; name: string; formula: boolean }[]): void {
    const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');
    const out: Record<string, string | null> = {};
    for (const c of preview.value?.columns ?? []) {
      out[c.name] = fields.find((f) => !f.formula && norm(f.name) === norm(c.name))?.id ?? null;
    }
    mapping.value = out;
  }

  function watchProgress(importId: string): () => void {
    if (typeof EventSource === 'undefined') return () => undefined;
    const es = new EventSource(getApi().importEventsUrl(importId));
    es.addEventListener('progress', (ev) => {
      try {
        const d = JSON.parse((ev as MessageEvent<string>).data) as { rows: number; total: number };
        progress.value = d;
      } catch {
        /* ignore a malformed event */
      }
    });
    const stop = () => es.close();
    es.addEventListener('done', stop);
    es.addEventListener('error', stop);
    return stop;
  }

  async function commit(): Promise<void> {
    const p = preview.value;
    if (!p) return;
    busy.value = true;
    error.value = null;
    step.value = 'running';
    progress.value = { rows: 0, total: p.rowCount };
    const stop = watchProgress(p.id);
    try {
      const target = mode.value === 'new' || !appendTableId.value
        ? { name: newName.value.trim() || p.filename }
        : { tableId: appendTableId.value, mapping: mapping.value };
      result.value = await getApi().commitImport(p.id, { target, types: types.value, badRows: badRows.value });
      progress.value = { rows: p.rowCount, total: p.rowCount };
      step.value = 'done';
      const wb = useWorkbookStore();
      await wb.refreshWorkbook();
      await wb.openTable(result.value.tableId);
      wb.rowsEpoch++;
    } catch (e) {
      error.value = e;
      step.value = 'preview';
    } finally {
      stop();
      busy.value = false;
    }
  }

  return {
    open, step, busy, error, preview, types, mode, newName, appendTableId, mapping, badRows, progress, result,
    openDialog, upload, autoMap, commit, close: () => { open.value = false; },
  };
});
