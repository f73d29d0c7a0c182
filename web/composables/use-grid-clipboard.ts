import { useI18n } from 'vue-i18n';
import { getApi, isApiError, newStepId } from '../api/client';
import type { CellValue, Field, Row } from '../api/types';
import { pasteBlock, planPaste } from '../grid/paste-plan';
import { targetRows } from '../grid/paste-rows';
import { type PasteProgress, serverCellError, writePaste } from '../grid/paste-write';
import { cellToClipboard, sizeOf } from '../grid/range';
import { parseTsv, serializeTsv } from '../grid/tsv';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { usePasteReportStore } from '../stores/paste-report';
import { useWorkbookStore } from '../stores/workbook';
import type { GridSelection } from './use-grid-selection';
import { useErrorText } from './use-error-text';

/** Pastes are written in requests of ≤ 10,000 rows; this only guards the browser against a runaway clipboard. */
const MAX_PASTE_ROWS = 200_000;

/** Copy (TSV), paste (one batch per kind of write) and clear of the selected cells. */
export function useGridClipboard(selection: GridSelection) {
  const wb = useWorkbookStore();
  const grid = useGridStore();
  const history = useHistoryStore();
  const notify = useNotifyStore();
  const report = usePasteReportStore();
  const errorText = useErrorText();
  const { t } = useI18n();

  const fieldById = (id: string) => wb.fields.find((f) => f.id === id);

  function copyText(): string | null {
    const g = grid.api;
    const b = selection.bounds();
    if (!g || !b) return null;
    const cols = selection.colIdsIn(b);
    const out: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const data = g.getDisplayedRowAtIndex(r)?.data;
      out.push(cols.map((c) => {
        const f = fieldById(c);
        return f ? cellToClipboard(f, data?.cells[c]) : '';
      }));
    }
    return serializeTsv(out);
  }

  async function paste(text: string): Promise<void> {
    const g = grid.api;
    const table = wb.table;
    if (!g || !table) return;
    const matrix = parseTsv(text);
    if (matrix.length === 0) return;
    if (matrix.length > MAX_PASTE_ROWS) {
      notify.error(t('paste.tooMany', { n: MAX_PASTE_ROWS }));
      return;
    }
    const b = selection.bounds();
    const focused = g.getFocusedCell();
    const colIds = selection.displayedColIds();
    const startRow = b?.top ?? focused?.rowIndex ?? 0;
    const startCol = b?.left ?? (focused ? colIds.indexOf(focused.column.getColId()) : 0);
    const fields = colIds.slice(Math.max(0, startCol)).map(fieldById).filter((f): f is Field => f !== undefined);
    const rowCount = wb.viewTotal ?? table.rowCount;
    const fill = b ? sizeOf(b) : undefined;
    const block = pasteBlock(matrix, fill);
    const view = { ...wb.viewQuery };
    let rows: Map<number, Row>;
    try {
      // Rows the infinite model has not loaded are read by offset in the grid's sort and filter.
      rows = await targetRows(startRow, Math.min(startRow + block.length, rowCount), (i) => g.getDisplayedRowAtIndex(i)?.data as Row | undefined,
        (offset, limit) => getApi().getRows(table.id, { offset, limit, ...view }));
    } catch (e) {
      notify.error(errorText(e));
      return;
    }
    const plan = planPaste(block, { fields, startRow, rowCount, rowAt: (i) => rows.get(i) });
    const good = plan.updates.reduce((n, u) => n + Object.keys(u.cells).length, 0) + plan.inserts.reduce((n, u) => n + Object.keys(u.cells).length, 0);
    if (plan.errors.length > 0 && !(await report.ask(plan.errors, good))) return;
    if (plan.missingRows.length > 0) notify.info(t('paste.notLoaded', { n: plan.missingRows.length }));
    const progress: PasteProgress = { updated: 0, inserted: 0, results: [], failedBatch: [] };
    // Every request of this paste (new options, batches of rows) is one step for undo.
    const step = newStepId();
    try {
      for (const [fieldId, added] of Object.entries(plan.newOptions)) {
        const f = fieldById(fieldId);
        if (!f) continue;
        const updated = await getApi().patchField(fieldId, { options: [...(f.options ?? []), ...added] }, step);
        wb.setField(updated);
      }
      await writePaste(plan, {
        patchRows: (batch) => history.track(getApi().patchRows(table.id, batch, step)),
        insertRows: (batch) => history.track(getApi().insertRows(table.id, batch, step)),
      }, progress);
      afterPaste(progress);
      notify.info(t('paste.done', { n: good }));
    } catch (e) {
      afterPaste(progress);
      const cellError = isApiError(e) ? serverCellError(e.details, progress.failedBatch, wb.fields, e.message) : null;
      if (cellError) {
        await report.ask([cellError], 0, true, progress.updated + progress.inserted);
        return;
      }
      notify.error(errorText(e));
    }
  }

  /** Show what was written: small pastes update the loaded rows in place, added or many rows reload the view. */
  function afterPaste(p: PasteProgress): void {
    if (p.inserted > 0) wb.viewTotal = (wb.viewTotal ?? 0) + p.inserted;
    if (p.inserted > 0 || p.results.length > 1) grid.reload();
    else for (const r of p.results) grid.applyResult(r);
  }

  /** Delete key over a multi-cell selection: blank every editable cell in it, in one request. */
  async function clearSelection(): Promise<boolean> {
    const g = grid.api;
    const b = selection.bounds();
    const table = wb.table;
    if (!g || !b || !table || (b.top === b.bottom && b.left === b.right)) return false;
    const fields = selection.colIdsIn(b).map(fieldById).filter((f): f is Field => f !== undefined && f.type !== 'formula');
    const rows: { id: string; version: number; cells: Record<string, CellValue> }[] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const data = g.getDisplayedRowAtIndex(r)?.data;
      if (data) rows.push({ id: data.id, version: data.version, cells: Object.fromEntries(fields.map((f) => [f.id, null])) });
    }
    if (!rows.length || !fields.length) return true;
    try {
      grid.applyResult(await history.track(getApi().patchRows(table.id, rows)));
      selection.refreshStats();
    } catch (e) {
      notify.error(errorText(e));
    }
    return true;
  }

  /** Ctrl+D as Excel: copy the first row of the selection down into the other selected rows. */
  async function fillDown(): Promise<boolean> {
    const g = grid.api;
    const b = selection.bounds();
    const table = wb.table;
    if (!g || !b || !table || b.top === b.bottom) return false;
    const top = g.getDisplayedRowAtIndex(b.top)?.data;
    if (!top) return true;
    const fields = selection.colIdsIn(b).map(fieldById).filter((f): f is Field => f !== undefined && f.type !== 'formula');
    const cells = Object.fromEntries(fields.map((f) => [f.id, top.cells[f.id] ?? null]));
    const rows: { id: string; version: number; cells: Record<string, CellValue> }[] = [];
    for (let r = b.top + 1; r <= b.bottom; r++) {
      const data = g.getDisplayedRowAtIndex(r)?.data;
      if (data) rows.push({ id: data.id, version: data.version, cells });
    }
    if (!rows.length || !fields.length) return true;
    try {
      grid.applyResult(await history.track(getApi().patchRows(table.id, rows)));
    } catch (e) {
      notify.error(errorText(e));
    }
    return true;
  }

  return { copyText, paste, clearSelection, fillDown };
}
