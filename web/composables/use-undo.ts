import { onBeforeUnmount, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { useGridStore } from '../stores/grid';
import { useHistoryStore } from '../stores/history';
import { useNotifyStore } from '../stores/notify';
import { useWorkbookStore } from '../stores/workbook';
import { useErrorText } from './use-error-text';

/** Whether a key event belongs to a text box or a dialog (where Ctrl+Z means the text's own undo). */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest('dialog[open], .cm-editor, .ag-cell-inline-editing, .ag-popup-editor')) return true;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

/** Undo/redo buttons and Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z), through the server's operation log. */
export function useUndo(listenKeys = false) {
  const history = useHistoryStore();
  const grid = useGridStore();
  const wb = useWorkbookStore();
  const notify = useNotifyStore();
  const errorText = useErrorText();
  const { t } = useI18n();

  async function run(kind: 'undo' | 'redo'): Promise<void> {
    try {
      const res = kind === 'undo' ? await history.undo() : await history.redo();
      if (!res) return;
      // Tables first: an undo may have trashed the open table (refreshWorkbook then opens another).
      await wb.refreshWorkbook();
      grid.applyResult(res);
      await wb.refreshTableFields();
      grid.reload();
      notify.info(t(kind === 'undo' ? 'history.undone' : 'history.redone', { what: res.description }));
    } catch (e) {
      notify.error(errorText(e));
    }
  }

  function onKey(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (isTypingTarget(document.activeElement)) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      void run('undo');
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault();
      void run('redo');
    }
  }

  if (listenKeys) {
    onMounted(() => document.addEventListener('keydown', onKey));
    onBeforeUnmount(() => document.removeEventListener('keydown', onKey));
  }

  return { undo: () => run('undo'), redo: () => run('redo') };
}
