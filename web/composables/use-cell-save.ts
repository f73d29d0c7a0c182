import { getApi, isApiError } from '../api/client';
import type { CellValue, Row } from '../api/types';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { useWorkbookStore } from '../stores/workbook';
import { useErrorText } from './use-error-text';

/** Save one edited cell with its row version; on failure put the old value back and say why. */
export function useCellSave() {
  const wb = useWorkbookStore();
  const grid = useGridStore();
  const history = useHistoryStore();
  const notify = useNotifyStore();
  const errorText = useErrorText();

  return async function saveCell(row: Row, fieldId: string, oldValue: CellValue): Promise<void> {
    const tableId = wb.table?.id;
    if (!tableId) return;
    const value = row.cells[fieldId] ?? null;
    try {
      const res = await history.track(getApi().patchRows(tableId, [{ id: row.id, version: row.version, cells: { [fieldId]: value } }]));
      grid.applyResult(res);
    } catch (e) {
      row.cells[fieldId] = oldValue;
      const g = grid.api;
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') grid.reload();
      const node = g?.getRowNode(row.id);
      if (g && node) g.refreshCells({ rowNodes: [node], force: true });
      notify.error(errorText(e));
    }
  };
}
