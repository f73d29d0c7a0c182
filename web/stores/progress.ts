import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { TableEvent, TableTask } from '../../common';

/** A task of the table being looked at, as its events last told (GET /api/tables/:id/events). */
export interface TaskProgress {
  task: TableTask;
  done: number;
  total: number;
}

/**
 * Long work on the current table (filling a new formula field on a big table), followed through the server's
 * event stream. The browser's EventSource reconnects by itself; the server sends running tasks on connect.
 */
export const useProgressStore = defineStore('progress', () => {
  const tasks = ref<TaskProgress[]>([]);
  let source: EventSource | undefined;
  let followed: string | undefined;

  function apply(event: TableEvent): void {
    const rest = tasks.value.filter((t) => t.task.id !== event.task.id);
    tasks.value = event.type === 'progress' ? [...rest, { task: event.task, done: event.done, total: event.total }] : rest;
  }

  /** Follows one table (undefined: none). */
  function follow(tableId: string | undefined): void {
    if (tableId === followed) return;
    source?.close();
    source = undefined;
    tasks.value = [];
    followed = tableId;
    if (!tableId || typeof EventSource === 'undefined') return;
    source = new EventSource(`/api/tables/${encodeURIComponent(tableId)}/events`);
    for (const type of ['progress', 'done', 'failed'] as const) {
      source.addEventListener(type, (e) => apply(JSON.parse((e as MessageEvent<string>).data) as TableEvent));
    }
  }

  /** The first running task, for the status bar. */
  const current = computed(() => tasks.value[0]);
  return { tasks, current, follow };
});
