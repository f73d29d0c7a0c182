import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_NOTICES, NOTICE_MS, useNotifyStore } from './notify';

describe('notices', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const texts = () => useNotifyStore().notices.map((n) => n.text);

  it('goes away by itself: info after its time, errors after a longer one', () => {
    const notify = useNotifyStore();
    notify.info('saved');
    notify.error('failed');
    vi.advanceTimersByTime(NOTICE_MS.info - 1);
    expect(texts()).toEqual(['saved', 'failed']);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual(['failed']);
    vi.advanceTimersByTime(NOTICE_MS.error - NOTICE_MS.info);
    expect(texts()).toEqual([]);
  });

  it('stays while hovered and gets the rest of its time after', () => {
    const notify = useNotifyStore();
    const id = notify.error('failed');
    vi.advanceTimersByTime(NOTICE_MS.error - 2000);
    notify.pause(id);
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['failed']);
    notify.resume(id);
    vi.advanceTimersByTime(1999);
    expect(texts()).toEqual(['failed']);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([]);
  });

  it('can still be closed by hand', () => {
    const notify = useNotifyStore();
    const id = notify.error('failed');
    notify.dismiss(id);
    expect(texts()).toEqual([]);
    vi.advanceTimersByTime(NOTICE_MS.error);
    expect(texts()).toEqual([]);
  });

  it('keeps at most a few, dropping the oldest, and does not stack the same message', () => {
    const notify = useNotifyStore();
    for (let i = 1; i <= MAX_NOTICES + 2; i++) notify.error(`e${i}`);
    expect(texts()).toEqual(['e3', 'e4', 'e5']);
    notify.error('e3');
    expect(texts()).toEqual(['e4', 'e5', 'e3']);
    vi.advanceTimersByTime(NOTICE_MS.error);
    expect(texts()).toEqual([]);
  });
});
