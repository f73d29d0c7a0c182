import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Whether the template gallery is open, and which template is being applied (null: the gallery). */
export const useTemplatesUiStore = defineStore('templates-ui', () => {
  const open = ref(false);
  const applyingId = ref<string | null>(null);
  function show(): void {
    open.value = true;
    applyingId.value = null;
  }
  function close(): void {
    open.value = false;
    applyingId.value = null;
  }
  return { open, applyingId, show, close };
});
