import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface FieldMenuState {
  fieldId: string;
  x: number;
  y: number;
}
export interface FieldDialogState {
  mode: 'add' | 'edit';
  fieldId?: string;
  /** Start the add dialog on this type (e.g. "formula"). */
  type?: string;
}
export interface LossyState {
  fieldName: string;
  typeLabel: string;
  count: number;
  samples: string[];
  resolve: (go: boolean) => void;
}

/** Which field menu or dialog is open. */
export const useFieldUiStore = defineStore('fieldUi', () => {
  const menu = ref<FieldMenuState | null>(null);
  const dialog = ref<FieldDialogState | null>(null);
  const lossy = ref<LossyState | null>(null);
  const wizard = ref(false);
  const groupsFieldId = ref<string | null>(null);

  function openMenu(fieldId: string, anchor: HTMLElement): void {
    const r = anchor.getBoundingClientRect();
    menu.value = { fieldId, x: Math.min(r.left, window.innerWidth - 240), y: r.bottom + 4 };
  }
  function askLossy(s: Omit<LossyState, 'resolve'>): Promise<boolean> {
    lossy.value?.resolve(false);
    return new Promise((resolve) => {
      lossy.value = { ...s, resolve };
    });
  }
  function answerLossy(go: boolean): void {
    const l = lossy.value;
    lossy.value = null;
    l?.resolve(go);
  }
  return { menu, dialog, lossy, wizard, groupsFieldId, openMenu, askLossy, answerLossy };
});

/** The values a lossy type change would lose, from the server's 422 details (shape kept loose on purpose). */
export function lossySamples(details: Record<string, unknown>): { count: number; samples: string[] } {
  const list = [details.values, details.samples, details.rows, details.cells].find(Array.isArray) as unknown[] | undefined;
  const samples = (list ?? []).slice(0, 20).map((v) => {
    if (typeof v === 'object' && v !== null && 'value' in v) return String((v as { value: unknown }).value);
    return String(v);
  });
  const count = typeof details.count === 'number' ? details.count : (list?.length ?? 0);
  return { count, samples };
}
