import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** How long a notice stays: long enough to read an error, short enough not to pile up. */
export const NOTICE_MS: Record<Notice['kind'], number> = { info: 4000, error: 8000 };
/** More than this and the oldest goes: a stack of old messages hides the grid and says nothing new. */
export const MAX_NOTICES = 3;

interface Clock {
  timer?: ReturnType<typeof setTimeout>;
  endsAt: number;
  remaining: number;
}

/** Messages shown to the user (already translated). Each goes away by itself, but not while hovered. */
export const useNotifyStore = defineStore('notify', () => {
  const notices = ref<Notice[]>([]);
  const clocks = new Map<number, Clock>();
  let next = 1;

  function start(id: number, ms: number): void {
    const clock: Clock = { endsAt: Date.now() + ms, remaining: ms };
    clock.timer = setTimeout(() => dismiss(id), ms);
    clocks.set(id, clock);
  }

  function push(kind: Notice['kind'], text: string, timeoutMs = NOTICE_MS[kind]): number {
    // The same message again (a second Ctrl+Z on an empty history) restarts the old one instead of stacking.
    const same = notices.value.find((n) => n.kind === kind && n.text === text);
    if (same) dismiss(same.id);
    const id = next++;
    const kept = notices.value.slice(-(MAX_NOTICES - 1));
    for (const n of notices.value) if (!kept.includes(n)) stopClock(n.id);
    notices.value = [...kept, { id, kind, text }];
    start(id, timeoutMs);
    return id;
  }

  function stopClock(id: number): void {
    clearTimeout(clocks.get(id)?.timer);
    clocks.delete(id);
  }

  function dismiss(id: number): void {
    stopClock(id);
    notices.value = notices.value.filter((n) => n.id !== id);
  }

  /** The pointer is on the notice: keep it until it leaves. */
  function pause(id: number): void {
    const clock = clocks.get(id);
    if (!clock?.timer) return;
    clearTimeout(clock.timer);
    clock.timer = undefined;
    clock.remaining = Math.max(0, clock.endsAt - Date.now());
  }

  /** The pointer left: the notice gets the rest of its time (at least a moment to move back). */
  function resume(id: number): void {
    const clock = clocks.get(id);
    if (!clock || clock.timer) return;
    start(id, Math.max(clock.remaining, 1000));
  }

  return {
    notices, push, dismiss, pause, resume,
    error: (text: string) => push('error', text),
    info: (text: string) => push('info', text),
  };
});
