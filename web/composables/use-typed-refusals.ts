import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { TypedRefusal } from '../grid/column-defs';
import { rowLabel } from '../grid/row-label';
import { useGridStore } from '../stores/grid';
import { useNotifyStore } from '../stores/notify';
import { useWorkbookStore } from '../stores/workbook';
import { useRefusalText } from './use-refusal-text';

interface Mark {
  rowId: string;
  fieldId: string;
  noticeId: number;
  message: string;
}

/**
 * Text typed into a cell that its field cannot take: the cell keeps its value, a notice names the row and field
 * and says why, and the cell is marked (its tooltip says why too) for as long as the notice shows.
 */
export function useTypedRefusals() {
  const wb = useWorkbookStore();
  const grid = useGridStore();
  const notify = useNotifyStore();
  const refusalText = useRefusalText();
  const { t, locale } = useI18n();
  const marks = new Map<string, Mark>();
  const keyOf = (rowId: string, fieldId: string): string => `${rowId}\u0000${fieldId}`;

  function redraw(rowId: string, fieldId: string): void {
    // After AG Grid's own edit handling: the setter that reports a refusal runs inside it.
    setTimeout(() => {
      const g = grid.api;
      const node = g && !g.isDestroyed() ? g.getRowNode(rowId) : undefined;
      if (g && node) g.refreshCells({ rowNodes: [node], columns: [fieldId], force: true });
    }, 0);
  }

  function problem(r: TypedRefusal): string {
    switch (r.reason) {
      case 'readOnly':
        return t('grid.readOnly');
      case 'notNumber':
      case 'leadingZero':
      case 'tooManyDigits':
      case 'notDate':
      case 'notBoolean':
        return refusalText(r.reason, r.text);
    }
  }

  function onRefused(r: TypedRefusal): void {
    const message = problem(r);
    const label = rowLabel(wb.fields, r.row, locale.value);
    // The row being edited is displayed, so it has an index; as the paste report, rows are counted from 1.
    const params = { row: (r.rowIndex ?? 0) + 1, label, field: r.field.name, problem: message };
    const noticeId = notify.error(t(label ? 'grid.typedRefusedNamed' : 'grid.typedRefused', params));
    marks.set(keyOf(r.row.id, r.field.id), { rowId: r.row.id, fieldId: r.field.id, noticeId, message });
    redraw(r.row.id, r.field.id);
  }

  function onAccepted(rowId: string, fieldId: string): void {
    if (marks.delete(keyOf(rowId, fieldId))) redraw(rowId, fieldId);
  }

  // A mark goes with its notice (closed, timed out or pushed out by newer ones).
  watch(
    () => notify.notices.map((n) => n.id),
    (shown) => {
      for (const [key, mark] of marks) {
        if (shown.includes(mark.noticeId)) continue;
        marks.delete(key);
        redraw(mark.rowId, mark.fieldId);
      }
    },
  );

  return {
    onRefused,
    onAccepted,
    refusedAt: (rowId: string, fieldId: string): string | undefined => marks.get(keyOf(rowId, fieldId))?.message,
  };
}
