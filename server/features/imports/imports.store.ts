// Uploaded files waiting for their commit. The file is kept in <dataDir>/imports/<id> and what its preview learnt
// in the pending_imports table, so a commit works after a restart. A pending import expires after 24 hours;
// a successful commit deletes it (its row in the commit's transaction, its file right after). The progress
// events of a commit live in memory only.
import { EventEmitter } from 'node:events';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../../db/database';
import type { AppDeps } from '../../deps';
import type { ImportColumnType, ImportCommitResult } from '../../../common';
import type { TextEncodingName } from './decode';

export type ImportEvent =
  | { type: 'progress'; rows: number; total: number }
  | { type: 'done'; result: ImportCommitResult }
  | { type: 'error'; code: string; message: string };

/** What the preview found out; the commit reads the file again with it and detects nothing. */
export interface Learnt {
  kind: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  sheet?: string;
  columns: { name: string; type: ImportColumnType }[];
  /** Data records (bad ones included): the total of the progress events. */
  rowCount: number;
}

export interface ImportJob {
  id: string;
  workbookId: string;
  filename: string;
  /** The uploaded file, as uploaded (maybe gzipped). */
  file: string;
  learnt: Learnt;
  status: 'ready' | 'running' | 'done';
  last: ImportEvent | undefined;
  events: EventEmitter;
  createdAt: number;
}

export const IMPORT_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;
const FILE_NAME = /^i[a-z0-9]{6,40}$/;

export function textEncoding(learnt: Learnt): TextEncodingName | undefined {
  const e = learnt.encoding;
  return e === 'utf-8' || e === 'utf-8-bom' || e === 'gb18030' ? e : undefined;
}

function newJobEvents(): EventEmitter {
  const e = new EventEmitter();
  e.setMaxListeners(50);
  return e;
}

export class ImportStore {
  /** Jobs this process has seen (their events and status); the database is the truth for pending ones. */
  private readonly jobs = new Map<string, ImportJob>();
  /** Files being written by an upload that has no row yet. */
  private readonly uploading = new Set<string>();
  private lastSweep = 0;

  folder(deps: AppDeps): string {
    return path.join(path.dirname(deps.dbFile), 'imports');
  }

  /** Where an upload goes; the file is protected from the sweep until add() or release(). */
  async reserve(deps: AppDeps, id: string): Promise<string> {
    await this.sweep(deps);
    const dir = this.folder(deps);
    await mkdir(dir, { recursive: true });
    this.uploading.add(id);
    return path.join(dir, id);
  }

  /** An upload that failed: its file goes. */
  async release(id: string, file: string): Promise<void> {
    this.uploading.delete(id);
    await rm(file, { force: true });
  }

  async add(deps: AppDeps, job: { id: string; workbookId: string; filename: string; file: string; learnt: Learnt }): Promise<ImportJob> {
    const createdAt = Date.now();
    await deps.db
      .insertInto('pending_imports')
      .values({ id: job.id, workbook_id: job.workbookId, filename: job.filename, learnt: JSON.stringify(job.learnt), created_at: new Date(createdAt).toISOString() })
      .execute();
    this.uploading.delete(job.id);
    const full: ImportJob = { ...job, status: 'ready', last: undefined, events: newJobEvents(), createdAt };
    this.jobs.set(job.id, full);
    return full;
  }

  async get(deps: AppDeps, id: string): Promise<ImportJob | undefined> {
    await this.sweep(deps);
    const known = this.jobs.get(id);
    if (known) return known.status === 'ready' && Date.now() - known.createdAt > IMPORT_TTL_MS ? undefined : known;
    const row = await deps.db.selectFrom('pending_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || Date.now() - Date.parse(row.created_at) > IMPORT_TTL_MS) return undefined;
    const job: ImportJob = {
      id,
      workbookId: row.workbook_id,
      filename: row.filename,
      file: path.join(this.folder(deps), id),
      learnt: JSON.parse(row.learnt) as Learnt,
      status: 'ready',
      last: undefined,
      events: newJobEvents(),
      createdAt: Date.parse(row.created_at),
    };
    this.jobs.set(id, job);
    return job;
  }

  /** Inside the commit's transaction: the import is no longer pending. */
  async forget(trx: Executor, job: ImportJob): Promise<void> {
    await trx.deleteFrom('pending_imports').where('id', '=', job.id).execute();
  }

  /** After the commit's transaction: the file goes. */
  async committed(job: ImportJob): Promise<void> {
    job.status = 'done';
    // A file that cannot be removed now is removed by a later sweep (no row explains it any more).
    await rm(job.file, { force: true }).catch(() => undefined);
  }

  emit(job: ImportJob, event: ImportEvent): void {
    job.last = event;
    job.events.emit('event', event);
  }

  /** Drops expired imports (rows, files, memory) and files no row explains (an upload cut short by a crash). */
  async sweep(deps: AppDeps, now = Date.now()): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const cutoff = now - IMPORT_TTL_MS;
    for (const [id, job] of this.jobs) if (job.status !== 'running' && job.createdAt < cutoff) this.jobs.delete(id);
    await deps.db.deleteFrom('pending_imports').where('created_at', '<', new Date(cutoff).toISOString()).execute();
    const dir = this.folder(deps);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const pending = new Set((await deps.db.selectFrom('pending_imports').select('id').execute()).map((r) => r.id));
    for (const name of names) {
      if (!FILE_NAME.test(name) || pending.has(name) || this.uploading.has(name) || this.jobs.get(name)?.status === 'running') continue;
      await rm(path.join(dir, name), { force: true });
    }
  }
}
