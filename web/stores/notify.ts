import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** Messages shown to the user (already translated); errors stay until dismissed. */
export const useNotifyStore = defineStore('notify', () => {
  const notices = ref<Notice[]>([]);
  let next = 1;

  function push(kind: Notice['kind'], text: string, timeoutMs = kind === 'info' ? 4000 : 0): number {
    const id = next++;
    notices.value = [...notices.value.slice(-4), { id, kind, text }];
    if (timeoutMs > 0) setTimeout(() => dismiss(id), timeoutMs);
    return id;
  }
  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id);
  }
  return { notices, push, dismiss, error: (text: string) => push('error', text), info: (text: string) => push('info', text) };
});
