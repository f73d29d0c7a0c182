// Group scans off the app's connection: one worker thread per database file with its own read-only connection
// (scan-worker.ts). better-sqlite3 is synchronous, so a 1M-row scan on the app's connection holds up every other
// request for its whole length; in the worker it does not, and two charts' scans run at once on two cores (one in
// the worker, one here). The worker is used only when it is ready and idle; otherwise, or if it fails, the caller
// scans on its own connection: the worker speeds things up and is never needed for an answer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GroupAcc, ScanMeasure } from './group-scan';

export interface ScanJob {
  id: number;
  sql: string;
  params: readonly unknown[];
  keys: number;
  measures: readonly ScanMeasure[];
  maxGroups: number;
}

export type ScanReply = { id: number; ready: true } | { id: number; groups: GroupAcc[] } | { id: number; error: string };

/** What the worker answered: the groups, or that there were too many, or that it could not (scan here instead). */
export type PooledScan = { groups: GroupAcc[] } | { tooMany: true } | { failed: string };

interface Waiter {
  resolve: (r: PooledScan) => void;
}

/** tsx's ESM API file, by its package's exports (require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const req = createRequire(import.meta.url);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg: unknown = req('tsx/package.json');
  const exportsOf: unknown = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'exports') : undefined;
  const api: unknown = typeof exportsOf === 'object' && exportsOf !== null ? Reflect.get(exportsOf, './esm/api') : undefined;
  const esm: unknown = typeof api === 'object' && api !== null ? Reflect.get(api, 'import') : undefined;
  const file: unknown = typeof esm === 'object' && esm !== null ? Reflect.get(esm, 'default') : esm;
  return path.join(path.dirname(pkgFile), typeof file === 'string' ? file : 'dist/esm/api/index.mjs');
}

class Reader {
  private worker: Worker | undefined;
  private ready = false;
  private dead = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  private readonly started: Promise<boolean>;
  private settle: (ok: boolean) => void = () => undefined;
  /** Scans the worker answered (tests check the worker's path is really taken). */
  answered = 0;

  constructor(file: string) {
    this.started = new Promise((resolve) => (this.settle = resolve));
    try {
      // The worker loads TypeScript through tsx's API (a worker does not inherit the main thread's loader).
      const tsx = pathToFileURL(tsxEsmApi()).href;
      const entry = new URL('./scan-worker.ts', import.meta.url).href;
      const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
      this.worker = new Worker(code, { eval: true, workerData: file });
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.worker.unref();
    this.worker.on('message', (r: ScanReply) => this.answer(r));
    this.worker.on('error', (e) => this.fail(e.message));
    this.worker.on('exit', () => this.die('the scan worker exited'));
  }

  private fail(reason: string): void {
    console.error('[segsheet] the scan worker failed; summaries run on the main connection:', reason);
    this.die(reason);
  }

  private answer(r: ScanReply): void {
    if ('ready' in r) {
      this.ready = true;
      this.settle(true);
      return;
    }
    this.answered++;
    const w = this.waiting.get(r.id);
    this.waiting.delete(r.id);
    if (!w) return;
    if ('groups' in r) w.resolve({ groups: r.groups });
    else w.resolve(r.error === 'too-many-groups' ? { tooMany: true } : { failed: r.error });
  }

  private die(reason: string): void {
    this.dead = true;
    this.settle(false);
    for (const w of this.waiting.values()) w.resolve({ failed: reason });
    this.waiting.clear();
  }

  whenStarted(): Promise<boolean> {
    return this.started;
  }

  get available(): boolean {
    return this.ready && !this.dead && this.waiting.size === 0;
  }

  scan(job: Omit<ScanJob, 'id'>): Promise<PooledScan> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!this.worker) return resolve({ failed: 'no scan worker' });
      this.waiting.set(id, { resolve });
      this.worker.postMessage({ ...job, id } satisfies ScanJob);
    });
  }

  stop(): Promise<number> {
    this.dead = true;
    return this.worker?.terminate() ?? Promise.resolve(0);
  }
}

const readers = new Map<string, Reader>();

function readerOf(file: string): { reader: Reader; isNew: boolean } {
  const r = readers.get(file);
  if (r) return { reader: r, isNew: false };
  const reader = new Reader(file);
  readers.set(file, reader);
  return { reader, isNew: true };
}

/** The worker's answer, or undefined when it is not free now (starting, busy, gone): scan on your connection. */
export function scanInWorker(file: string, job: Omit<ScanJob, 'id'>): Promise<PooledScan> | undefined {
  // SEGSHEET_SCAN_WORKER=0 keeps every scan on the app's connection (to compare, or on a one-core machine).
  if (process.env.SEGSHEET_SCAN_WORKER === '0') return undefined;
  const { reader, isNew } = readerOf(file);
  return !isNew && reader.available ? reader.scan(job) : undefined;
}

/** Starts the worker of a file now; true once it is ready to scan, false if it could not start. */
export function startScanWorker(file: string): Promise<boolean> {
  return readerOf(file).reader.whenStarted();
}

/** How many scans the worker of a file has answered. */
export function workerScans(file: string): number {
  return readers.get(file)?.answered ?? 0;
}

/** Stops the worker of a database file (when the app closes it). */
export async function stopScanWorker(file: string): Promise<void> {
  const r = readers.get(file);
  readers.delete(file);
  await r?.stop();
}
