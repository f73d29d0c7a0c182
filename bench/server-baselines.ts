// Baselines of issue 4 "Speed", run on this machine beside the server: the sqlite3 command-line `.import`
// of a CSV file, and RFM written as one SQL query run by SQLite (better-sqlite3) over the same orders.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import Papa from 'papaparse';
import { generateOrders, isoFromSerial, ordersToCsv } from './data';
import { measure, timeOnce, type Timing } from './harness';

export const ONLINE_RETAIL_GZ = '/work/shared/datasets/online_retail.csv.gz';
const ONLINE_RETAIL_GZ_RELATIVE = new URL('../../shared/datasets/online_retail.csv.gz', import.meta.url);
export const RETAIL_AS_OF = '2011-12-10';
export const SYNTHETIC_AS_OF = '2025-01-01';

/** The scratch folder of one benchmark run; remove() deletes it. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'segsheet-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function onlineRetailGz(): string | undefined {
  const beside = ONLINE_RETAIL_GZ_RELATIVE.pathname;
  return existsSync(beside) ? beside : existsSync(ONLINE_RETAIL_GZ) ? ONLINE_RETAIL_GZ : undefined;
}

export async function gunzipTo(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
}

/** The 1M-row synthetic order file (100k customers), written as CSV. */
export function writeSyntheticOrders(file: string, rows: number): void {
  writeFileSync(file, ordersToCsv(generateOrders(rows, rows / 10)));
}

/** Why the sqlite3 CLI cannot run, or undefined. */
export function sqliteCliMissing(): string | undefined {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.error ? 'the sqlite3 command-line tool is missing: install it (Debian: apt-get install sqlite3) for this baseline' : undefined;
}

/** Median time of `sqlite3 fresh.db .import --csv file t` (a new database file each run). */
export async function sqliteCliImport(csv: string, dir: string, runs: number): Promise<Timing> {
  let n = 0;
  return measure(() => {
    const db = path.join(dir, `cli-${n++}.db`);
    const result = spawnSync('sqlite3', [db, '.import --csv ' + JSON.stringify(csv) + ' t'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
    rmSync(db, { force: true });
  }, runs, 0);
}

/**
 * Customer-level RFM from orders(customer, day, invoice, amount), the template's definitions, in one query.
 * NTILE is MIN(5, 1 + 5·(values below)/count), and RANK() − 1 counts the values below. Sums of cents are
 * ranked rounded (as the engine compares at 15 digits), so float noise does not split ties.
 */
const RFM_SQL = `
WITH agg AS (
  SELECT customer, MIN(day) AS first_purchase, MAX(day) AS last_purchase,
         COUNT(DISTINCT invoice) AS frequency, SUM(amount) AS monetary
  FROM orders WHERE customer IS NOT NULL GROUP BY customer),
r AS (SELECT *, julianday(:asOf) - julianday(last_purchase) AS recency FROM agg)
SELECT customer, first_purchase, last_purchase, recency, frequency, monetary,
  6 - MIN(5, 1 + (5 * (RANK() OVER (ORDER BY recency) - 1)) / COUNT(*) OVER ()) AS r_score,
  MIN(5, 1 + (5 * (RANK() OVER (ORDER BY frequency) - 1)) / COUNT(*) OVER ()) AS f_score,
  MIN(5, 1 + (5 * (RANK() OVER (ORDER BY ROUND(monetary, 6)) - 1)) / COUNT(*) OVER ()) AS m_score,
  IIF(recency <= AVG(recency) OVER (), 'H', 'L') || IIF(frequency >= AVG(frequency) OVER (), 'H', 'L')
    || IIF(monetary >= AVG(monetary) OVER (), 'H', 'L') AS segment
FROM r`;

export interface OrderRow {
  customer: number | null;
  day: string;
  invoice: string;
  amount: number;
}

function loadOrders(file: string, rows: Iterable<OrderRow>): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE orders (customer INTEGER, day TEXT, invoice TEXT, amount REAL)');
  const insert = db.prepare('INSERT INTO orders VALUES (:customer, :day, :invoice, :amount)');
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  return db;
}

/** Online Retail lines as orders: amount = Quantity × UnitPrice, day of InvoiceDate, blank CustomerID → NULL. */
export function* retailOrders(csv: string): Generator<OrderRow> {
  const parsed = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true });
  for (const [i, r] of parsed.data.entries()) {
    if (i === 0) continue;
    const customer = r[6] ? Number(r[6]) : null;
    yield { customer, day: (r[4] ?? '').slice(0, 10), invoice: r[0] ?? '', amount: Number(r[3]) * Number(r[5]) };
  }
}

export function* syntheticOrders(rows: number): Generator<OrderRow> {
  const o = generateOrders(rows, rows / 10);
  for (let i = 0; i < o.n; i++) {
    yield { customer: o.customerId[i] ?? 0, day: isoFromSerial(o.date[i] ?? 0), invoice: String(o.orderId[i]), amount: o.amount[i] ?? 0 };
  }
}

export interface SqlRfm {
  readonly timing: Timing;
  readonly customers: number;
  readonly loadMs: number;
  /** The distinct customers, ascending (the rows of a customer table). */
  readonly customerIds: number[];
  /** The query's answer by customer: frequency, monetary, r_score, f_score, m_score, segment. */
  readonly answer: Map<number, RfmRow>;
}

export interface RfmRow {
  readonly frequency: number;
  readonly monetary: number;
  readonly r_score: number;
  readonly f_score: number;
  readonly m_score: number;
  readonly segment: string;
}

function toRfmRow(row: unknown): [number, RfmRow] | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const get = (key: string): unknown => Reflect.get(row, key);
  const num = (key: string): number => Number(get(key));
  return [num('customer'), { frequency: num('frequency'), monetary: num('monetary'), r_score: num('r_score'), f_score: num('f_score'), m_score: num('m_score'), segment: String(get('segment')) }];
}

/** Loads the orders into a fresh SQLite file (untimed, reported), then times the one RFM query. */
export async function sqlRfm(dir: string, rows: Iterable<OrderRow>, asOf: string, runs: number): Promise<SqlRfm> {
  let db: SQLite.Database | undefined;
  const loadMs = await timeOnce(() => (db = loadOrders(path.join(dir, `rfm-${Date.now()}.db`), rows)));
  if (!db) throw new Error('orders not loaded');
  const query = db.prepare(RFM_SQL);
  let result: unknown[] = [];
  const timing = await measure(() => (result = query.all({ asOf })), runs);
  const answer = new Map(result.map(toRfmRow).filter((entry) => entry !== undefined));
  const ids = db.prepare('SELECT DISTINCT customer FROM orders WHERE customer IS NOT NULL ORDER BY customer').pluck().all();
  db.close();
  return { timing, customers: result.length, loadMs, customerIds: ids.filter((id): id is number => typeof id === 'number'), answer };
}
