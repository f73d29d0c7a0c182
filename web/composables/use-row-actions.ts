import { useI18n } from 'vue-i18n';
import { getApi } from '../api/client';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { useSelectionStore } from '../stores/selection';
import { useWorkbookStore } from '../stores/workbook';
import { useErrorText } from './use-error-text';
import { usePrompt } from './use-prompt';

/** Add a row at the end; delete the rows of the selected cells. */
export function useRowActions() {
  const wb = useWorkbookStore();
  const grid = useGridStore();
  const history = useHistoryStore();
  const notify = useNotifyStore();
  const errorText = useErrorText();
  const prompt = usePrompt();
  const sel = useSelectionStore();
  const { t } = useI18n();

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
        await history.track(getApi().insertRows(table.id, [{ cells: {} }]));
        const last = wb.viewTotal ?? table.rowCount;
        wb.viewTotal = last + 1;
        g.refreshInfiniteCache();
        const first = wb.fields.find((f) => f.type !== 'formula' && !f.hidden);
        setTimeout(() => {
          g.ensureIndexVisible(last);
          if (first) g.setFocusedCell(last, first.id);
        }, 300);
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
      if (!(await prompt.confirm(t('rows.confirmDelete', { n: ids.length }, ids.length)))) return;
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
