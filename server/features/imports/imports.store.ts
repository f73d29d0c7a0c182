// Uploaded files waiting for their commit (kept in memory for an hour), with their progress events.
import { EventEmitter } from 'node:events';
import type { ImportColumnType, ImportCommitResult } from '../../wire';
import type { Source } from './read-source';

export type ImportEvent =
  | { type: 'progress'; rows: number; total: number }
  | { type: 'done'; result: ImportCommitResult }
  | { type: 'error'; code: string; message: string };

export interface ImportJob {
  id: string;
  workbookId: string;
  filename: string;
  /** Undefined once committed (frees the memory). */
  source: Source | undefined;
  columns: { name: string; type: ImportColumnType }[];
  rowCount: number;
  status: 'ready' | 'running' | 'done' | 'failed';
  last: ImportEvent | undefined;
  events: EventEmitter;
  createdAt: number;
}

const TTL_MS = 60 * 60 * 1000;

export class ImportStore {
  private readonly jobs = new Map<string, ImportJob>();

  add(job: ImportJob): void {
    this.sweep();
    this.jobs.set(job.id, job);
  }

  get(id: string): ImportJob | undefined {
    this.sweep();
    return this.jobs.get(id);
  }

  emit(job: ImportJob, event: ImportEvent): void {
    job.last = event;
    job.events.emit('event', event);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.status !== 'running' && now - job.createdAt > TTL_MS) this.jobs.delete(id);
  }
}

export function newJobEvents(): EventEmitter {
  const e = new EventEmitter();
  e.setMaxListeners(50);
  return e;
}
