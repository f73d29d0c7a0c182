import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CellValue } from '../api/types';
import type { Bounds } from '../grid/range';

export interface SelectionStats {
  /** Non-blank cells selected. */
  count: number;
  /** Numeric cells among them. */
  numeric: number;
  sum: number;
  avg: number;
}

/** Count, sum and average of a selection, as Excel's status bar: blanks are not counted, only numbers summed. */
export function selectionStats(values: readonly CellValue[]): SelectionStats {
  let count = 0;
  let numeric = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || v === '') continue;
    count++;
    if (typeof v === 'number' && Number.isFinite(v)) {
      numeric++;
      sum += v;
    }
  }
  return { count, numeric, sum, avg: numeric ? sum / numeric : 0 };
}

/** The values in the grid's current cell selection (set by the grid's range composable). */
export const useSelectionStore = defineStore('selection', () => {
  const values = ref<CellValue[]>([]);
  /** The selected rectangle (view row indexes, displayed column indexes), or null. */
  const bounds = ref<Bounds | null>(null);
  const stats = computed(() => selectionStats(values.value));
  function set(v: CellValue[]): void {
    values.value = v;
  }
  function setBounds(b: Bounds | null): void {
    bounds.value = b;
  }
  /** Whether more than one cell is selected (Excel shows count/sum/average only then). */
  const multi = computed(() => bounds.value !== null && (bounds.value.top !== bounds.value.bottom || bounds.value.left !== bounds.value.right));
  /** Re-read the selected values (set by the grid; called after server changes). */
  let recompute: () => void = () => undefined;
  function onRecompute(fn: () => void): void {
    recompute = fn;
  }
  function refresh(): void {
    recompute();
  }
  return { values, bounds, stats, multi, set, setBounds, onRecompute, refresh };
});
