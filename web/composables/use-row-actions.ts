import type { GridApi, IRowNode } from 'ag-grid-community';
import { useI18n } from 'vue-i18n';
import { getApi } from '../api/client';
import type { Row } from '../api/types';
import { pinnedFieldId } from '../grid/column-defs';
import { rowLabel } from '../grid/row-label';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { useSelectionStore } from '../stores/selection';
import { useWorkbookStore } from '../stores/workbook';
import { useErrorText } from './use-error-text';
import { usePrompt } from './use-prompt';

/** The row `id` once the grid has loaded it (after a refresh), or undefined when it does not come in time. */
function whenRowLoaded(g: GridApi<Row>, id: string, timeoutMs = 3000): Promise<IRowNode<Row> | undefined> {
  return new Promise((resolve) => {
    const finish = (node: IRowNode<Row> | undefined) => {
      clearTimeout(timer);
      if (!g.isDestroyed()) g.removeEventListener('modelUpdated', check);
      resolve(node);
    };
    const check = () => {
      const node = g.isDestroyed() ? undefined : g.getRowNode(id);
      if (node?.data && node.rowIndex !== null) finish(node);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    g.addEventListener('modelUpdated', check);
    check();
  });
}

/** Add a row at the end; delete the rows of the selected cells. */
export function useRowActions() {
  const wb = useWorkbookStore();
  const grid = useGridStore();
  const history = useHistoryStore();
  const notify = useNotifyStore();
  const errorText = useErrorText();
  const prompt = usePrompt();
  const sel = useSelectionStore();
  const { t, locale } = useI18n();

  function selectedRowIds(): string[] {
    const g = grid.api;
    if (!g) return [];
    const b = sel.bounds;
    const focused = g.getFocusedCell();
    const top = b?.top ?? focused?.rowIndex;
    const bottom = b?.bottom ?? focused?.rowIndex;
    if (top === undefined || bottom === undefined) return [];
    const ids: string[] = [];
    for (let i = top; i <= bottom; i++) {
      const id = g.getDisplayedRowAtIndex(i)?.data?.id;
      if (id) ids.push(id);
    }
    return ids;
  }

  return {
    async addRow(): Promise<void> {
      const table = wb.table;
      const g = grid.api;
      if (!table || !g) return;
      try {
        const res = await history.track(getApi().insertRows(table.id, [{ cells: {} }]));
        const last = wb.viewTotal ?? table.rowCount;
        wb.viewTotal = last + 1;
        g.refreshInfiniteCache();
        const id = res.rows[0]?.id;
        if (!id) return;
        // A new row goes last unless a sort puts it elsewhere: bring the end into view to load it, then go to it.
        g.ensureIndexVisible(last, 'bottom');
        const node = await whenRowLoaded(g, id);
        const index = node?.rowIndex;
        const first = pinnedFieldId(wb.fields);
        if (index === null || index === undefined || !first || g.isDestroyed()) return;
        // 'middle', not the nearest edge: at the bottom edge the last row sits under the horizontal scrollbar.
        g.ensureIndexVisible(index, 'middle');
        g.setFocusedCell(index, first);
      } catch (e) {
        notify.error(errorText(e));
      }
    },
    async deleteSelectedRows(ids: string[] = selectedRowIds()): Promise<void> {
      const table = wb.table;
      if (!table || ids.length === 0) {
        notify.info(t('rows.selectFirst'));
        return;
      }
      const name = ids.length === 1 ? rowLabel(wb.fields, grid.api?.getRowNode(ids[0] ?? '')?.data, locale.value) : '';
      const question = name ? t('rows.confirmDeleteOne', { name }) : t('rows.confirmDelete', { n: ids.length }, ids.length);
      if (!(await prompt.confirm(question))) return;
      try {
        const res = await history.track(getApi().deleteRows(table.id, ids));
        wb.viewTotal = Math.max(0, (wb.viewTotal ?? table.rowCount) - ids.length);
        grid.applyResult(res);
        grid.reload();
      } catch (e) {
        notify.error(errorText(e));
      }
    },
  };
}
