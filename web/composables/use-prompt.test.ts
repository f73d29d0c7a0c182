import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePromptStore } from '../stores/prompt';
import { promptAnswer, usePrompt } from './use-prompt';

describe('prompt answers', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('refuses a blank name (the dialog then stays open) and trims the others', () => {
    expect(promptAnswer('ask', '   ')).toBeNull();
    expect(promptAnswer('ask', '')).toBeNull();
    expect(promptAnswer('ask', '  客户 ')).toBe('客户');
    expect(promptAnswer('confirm', '')).toBe('yes');
  });

  it('gives the asker the trimmed answer, or null when cancelled', async () => {
    const store = usePromptStore();
    const named = usePrompt().ask('Name?', 'x');
    store.answer(' 订单 ');
    expect(await named).toBe('订单');
    const cancelled = usePrompt().ask('Name?', 'x');
    store.answer(null);
    expect(await cancelled).toBeNull();
  });

  it('lets an optional question be answered blank (to clear a description), still null when cancelled', async () => {
    const store = usePromptStore();
    const cleared = usePrompt().askOptional('Description?', 'old');
    expect(store.current?.optional).toBe(true);
    store.answer('   ');
    expect(await cleared).toBe('');
    const cancelled = usePrompt().askOptional('Description?', 'old');
    store.answer(null);
    expect(await cancelled).toBeNull();
  });
});
