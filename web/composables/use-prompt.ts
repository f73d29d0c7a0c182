import { usePromptStore } from '../stores/prompt';
import type { PromptRequest } from '../stores/prompt';

/** What the dialog answers for `text`: "yes" to a confirmation, the trimmed text to a question, null when blank. */
export function promptAnswer(kind: PromptRequest['kind'], text: string): string | null {
  if (kind === 'confirm') return 'yes';
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

export function usePrompt() {
  const store = usePromptStore();
  return {
    /** Resolves to the non-blank answer, or null when cancelled (the dialog refuses a blank answer). */
    ask: async (message: string, value = ''): Promise<string | null> => {
      const v = await store.open('ask', message, value);
      return v === null ? null : promptAnswer('ask', v);
    },
    /** Resolves to the trimmed answer, '' when left blank (to clear a value), or null when cancelled. */
    askOptional: async (message: string, value = ''): Promise<string | null> => {
      const v = await store.open('ask', message, value, true);
      return v === null ? null : v.trim();
    },
    confirm: async (message: string): Promise<boolean> => (await store.open('confirm', message)) !== null,
  };
}
