// Progress of long work on a table, for GET /api/tables/:id/events. In memory: tasks live only while they run.
import type { TableEvent, TableTask } from '../../../common';

type Listener = (event: TableEvent) => void;

const listeners = new Map<string, Set<Listener>>();
/** The last progress of each running task, by table: a client connecting mid-fill sees it at once. */
const running = new Map<string, Map<string, TableEvent>>();

export function subscribe(tableId: string, listener: Listener): () => void {
  let set = listeners.get(tableId);
  if (!set) {
    set = new Set();
    listeners.set(tableId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(tableId);
  };
}

export function runningEvents(tableId: string): TableEvent[] {
  return [...(running.get(tableId)?.values() ?? [])];
}

export function publish(tableId: string, event: TableEvent): void {
  let tasks = running.get(tableId);
  if (event.type === 'progress') {
    if (!tasks) {
      tasks = new Map();
      running.set(tableId, tasks);
    }
    tasks.set(event.task.id, event);
  } else if (tasks) {
    tasks.delete(event.task.id);
    if (tasks.size === 0) running.delete(tableId);
  }
  for (const listener of listeners.get(tableId) ?? []) listener(event);
}

export function progressOf(tableId: string, task: TableTask, done: number, total: number): void {
  publish(tableId, { type: 'progress', task, done, total });
}
