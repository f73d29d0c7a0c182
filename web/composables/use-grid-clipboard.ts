import { useI18n } from 'vue-i18n';
import { getApi, isApiError } from '../api/client';
import type { CellValue, Field, Row } from '../api/types';
import { type PasteError, planPaste } from '../components/grid/paste-plan';
import { cellToClipboard, sizeOf } from '../components/grid/range';
import { parseTsv, serializeTsv } from '../components/grid/tsv';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { usePasteReportStore } from '../stores/paste-report';
import { useWorkbookStore } from '../stores/workbook';
import type { GridSelection } from './use-grid-selection';
import { useErrorText } from './use-error-text';

const MAX_PASTE_ROWS = 10_000;

/** The cell the server refused (422 INVALID_CELL names the first bad one), as a paste error. */
function serverCellErrors(details: Record<string, unknown>, fields: readonly Field[], message: string): PasteError[] {
  const cells = Array.isArray(details.cells) ? details.cells : typeof details.fieldId === 'string' ? [{ ...details, message }] : [];
  return cells.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const o = c as Record<string, unknown>;
    const fieldId = typeof o.fieldId === 'string' ? o.fieldId : '';
    const field = fields.find((f) => f.id === fieldId);
    const e: PasteError = {
      rowIndex: typeof o.row === 'number' ? o.row : -1,
      fieldId,
      fieldName: field?.name ?? fieldId,
      text: o.value === undefined ? '' : String(o.value),
      reason: 'server',
      message: typeof o.message === 'string' ? o.message : undefined,
    };
    return [e];
  });
}

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
    const plan = planPaste(matrix, {
      fields,
      startRow,
      rowCount,
      rowAt: (i) => g.getDisplayedRowAtIndex(i)?.data as Row | undefined,
      fill: b ? sizeOf(b) : undefined,
    });
    const good = plan.updates.reduce((n, u) => n + Object.keys(u.cells).length, 0) + plan.inserts.reduce((n, u) => n + Object.keys(u.cells).length, 0);
    if (plan.errors.length > 0 && !(await report.ask(plan.errors, good))) return;
    if (plan.missingRows.length > 0) notify.info(t('paste.notLoaded', { n: plan.missingRows.length }));
    try {
      for (const [fieldId, added] of Object.entries(plan.newOptions)) {
        const f = fieldById(fieldId);
        if (!f) continue;
        const updated = await getApi().patchField(fieldId, { options: [...(f.options ?? []), ...added] });
        wb.setField(updated);
      }
      if (plan.updates.length) grid.applyResult(await history.track(getApi().patchRows(table.id, plan.updates)));
      if (plan.inserts.length) {
        const res = await history.track(getApi().insertRows(table.id, plan.inserts));
        wb.viewTotal = (wb.viewTotal ?? 0) + res.rows.length;
        grid.reload();
      }
      notify.info(t('paste.done', { n: good }));
    } catch (e) {
      if (isApiError(e)) {
        const cellErrors = serverCellErrors(e.details, wb.fields, e.message);
        if (cellErrors.length) {
          await report.ask(cellErrors, 0, true);
          return;
        }
      }
      grid.reload();
      notify.error(errorText(e));
    }
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
