import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PasteError } from '../grid/paste-plan';

export interface PasteReport {
  errors: PasteError[];
  /** Cells that are fine and would be written. */
  goodCells: number;
  /** A report after the server refused the batch: nothing to proceed with. */
  final: boolean;
  /** Rows written by earlier requests of the same paste before the server refused one (a paste > 10,000 rows). */
  written: number;
  resolve: (proceed: boolean) => void;
}

/** The per-cell report of a paste with wrong values: paste the rest, or cancel. */
export const usePasteReportStore = defineStore('pasteReport', () => {
  const current = ref<PasteReport | null>(null);
  function ask(errors: PasteError[], goodCells: number, final = false, written = 0): Promise<boolean> {
    current.value?.resolve(false);
    return new Promise((resolve) => {
      current.value = { errors, goodCells, final, written, resolve };
    });
  }
  function answer(proceed: boolean): void {
    const c = current.value;
    current.value = null;
    c?.resolve(proceed);
  }
  return { current, ask, answer };
});
