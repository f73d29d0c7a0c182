// The worker side of scan-pool.ts: its own read-only connection to the database file (WAL lets it read while the
// app's connection writes), running group scans it is sent. It sees committed data only, as every reader should.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { registerGroupScan, scanGroups, TooManyGroups } from './group-scan';
import type { ScanJob, ScanReply } from './scan-pool';

const file: unknown = workerData;
if (typeof file !== 'string' || !parentPort) throw new Error('scan-worker: started without a database file');
const port = parentPort;
const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
registerGroupScan(sqlite);
const statements = new Map<string, SQLite.Statement>();

port.on('message', (job: ScanJob) => {
  let reply: ScanReply;
  try {
    let stmt = statements.get(job.sql);
    if (!stmt) {
      if (statements.size > 200) statements.clear();
      stmt = sqlite.prepare(job.sql);
      statements.set(job.sql, stmt);
    }
    reply = { id: job.id, groups: scanGroups(stmt, job.params, job.keys, job.measures, job.maxGroups) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof TooManyGroups ? 'too-many-groups' : String(error instanceof Error ? error.message : error) };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, ready: true } satisfies ScanReply);
