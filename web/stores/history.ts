import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getApi } from '../api/client';
import type { UndoResult } from '../api/types';
import { useWorkbookStore } from './workbook';

/**
 * Undo/redo through the server's operation log. The server is the truth (it survives reloads);
 * we only track whether this session has done something, to enable the buttons sensibly.
 */
export const useHistoryStore = defineStore('history', () => {
  const busy = ref(false);
  const canUndo = ref(true);
  const canRedo = ref(false);
  /** Writes still waiting for the server (the status bar says "Saving…"). */
  const pending = ref(0);

  /** Wrap a data write: after it, undo is possible and redo is not. */
  async function track<T>(p: Promise<T>): Promise<T> {
    pending.value++;
    try {
      const v = await p;
      canUndo.value = true;
      canRedo.value = false;
      return v;
    } finally {
      pending.value--;
    }
  }

  async function run(kind: 'undo' | 'redo'): Promise<UndoResult | null> {
    const wb = useWorkbookStore();
    if (!wb.workbook || busy.value) return null;
    busy.value = true;
    try {
      const res = kind === 'undo' ? await getApi().undo(wb.workbook.id) : await getApi().redo(wb.workbook.id);
      if (kind === 'undo') canRedo.value = true;
      else canUndo.value = true;
      return res;
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'UNDO_EMPTY') {
        if (kind === 'undo') canUndo.value = false;
        else canRedo.value = false;
      }
      throw e;
    } finally {
      busy.value = false;
    }
  }

  return { busy, canUndo, canRedo, pending, track, undo: () => run('undo'), redo: () => run('redo') };
});
