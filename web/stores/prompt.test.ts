import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { lossySamples, useFieldUiStore } from './field-ui';
import { usePasteReportStore } from './paste-report';
import { usePromptStore } from './prompt';

describe('dialog stores', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('answers a prompt once; a new question cancels the old one', async () => {
    const s = usePromptStore();
    const first = s.open('ask', 'Name?', 'x');
    const second = s.open('confirm', 'Sure?');
    expect(await first).toBeNull();
    s.answer('yes');
    expect(await second).toBe('yes');
    expect(s.current).toBeNull();
  });

  it('resolves the paste report and the lossy question', async () => {
    const r = usePasteReportStore();
    const p = r.ask([], 3);
    r.answer(true);
    expect(await p).toBe(true);
    const ui = useFieldUiStore();
    const q = ui.askLossy({ fieldName: 'F', typeLabel: 'Number', count: 2, samples: ['a'] });
    ui.answerLossy(false);
    expect(await q).toBe(false);
  });

  it('reads the values a type change would lose from the server details', () => {
    expect(lossySamples({ count: 7, values: [{ rowId: '1', value: 'abc' }, { rowId: '2', value: 12 }] })).toEqual({ count: 7, samples: ['abc', '12'] });
    expect(lossySamples({})).toEqual({ count: 0, samples: [] });
  });
});
