import { usePromptStore } from '../stores/prompt';

export function usePrompt() {
  const store = usePromptStore();
  return {
    ask: async (message: string, value = ''): Promise<string | null> => {
      const v = await store.open('ask', message, value);
      const trimmed = v?.trim();
      return trimmed ? trimmed : null;
    },
    confirm: async (message: string): Promise<boolean> => (await store.open('confirm', message)) !== null,
  };
}
