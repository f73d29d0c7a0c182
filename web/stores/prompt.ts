import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface PromptRequest {
  kind: 'ask' | 'confirm';
  message: string;
  value: string;
  /** A blank answer is allowed (it clears, e.g. a description) instead of being refused. */
  optional?: boolean;
  resolve: (v: string | null) => void;
}

/** One question at a time, answered by PromptDialog (replaces window.prompt/confirm). */
export const usePromptStore = defineStore('prompt', () => {
  const current = ref<PromptRequest | null>(null);

  function open(kind: PromptRequest['kind'], message: string, value = '', optional = false): Promise<string | null> {
    current.value?.resolve(null);
    return new Promise((resolve) => {
      current.value = { kind, message, value, optional, resolve };
    });
  }
  function answer(v: string | null): void {
    const c = current.value;
    current.value = null;
    c?.resolve(v);
  }
  return { current, open, answer };
});
