// Cell-edit latency (issue 4): a 100k-row customer table, edits of `amount` over real HTTP, first with no
// formula (the baseline: HTTP + validation + storage), then with five row-local formula fields (target
// p95 ≤ 30 ms), then with an NTILE field depending on the edited field (target p95 ≤ 300 ms).
import { createRandom, generateCustomers, isoFromSerial } from './data';
import { TIER } from './formula-cases';
import { ms, percentile, table, verdict } from './harness';
import type { BenchOptions } from './options';
import * as api from './server-api';
import type { ServerHandle } from './server-process';

const ROW_LOCAL = [
  ['tier', TIER],
  ['with_tax', '{amount}*1.13'],
  ['per_order', 'ROUND({amount}/{frequency},2)'],
  ['label', 'IF({amount}>=1000,{region}&"-VIP",{region})'],
  ['shown', 'TEXT({amount},"#,##0")'],
] as const;

/** Field ids named in the `changes` of a write's answer. */
function changedFields(answer: unknown): Set<string> {
  const changes = api.field(answer, 'changes');
  const ids = new Set<string>();
  if (Array.isArray(changes)) for (const change of changes) Object.keys(api.field(change, 'cells') ?? {}).forEach((id) => ids.add(id));
  return ids;
}

let lastAnswer: unknown;

let phase = 0;

/** `count` timed edits after 5 untimed; each phase edits other rows with other values than the last. */
async function latencies(h: ServerHandle, tableId: string, amountId: string, ids: readonly string[], count: number): Promise<number[]> {
  const random = createRandom(7 + phase++);
  const edit = async (): Promise<number> => {
    const id = ids[Math.floor(random() * ids.length)] ?? '';
    const value = Math.round(random() * 1_000_000) / 100;
    const t0 = performance.now();
    lastAnswer = await h.call('PATCH', `/api/tables/${tableId}/rows`, { rows: [{ id, cells: { [amountId]: value } }] });
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) await edit();
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await edit());
  return times;
}

function row(label: string, times: readonly number[], target?: number): string[] {
  const p95 = percentile(times, 0.95);
  return [label, ms(percentile(times, 0.5)), ms(p95), target === undefined ? '' : `≤ ${target} ms ${verdict(p95 <= target)}`];
}

export async function measureEdits(h: ServerHandle, options: BenchOptions): Promise<string[]> {
  const lines: string[] = [];
  const workbook = await api.createWorkbook(h, 'bench edits', '2025-01-01');
  const fields = [
    { name: 'amount', type: 'number' },
    { name: 'frequency', type: 'number' },
    { name: 'recency', type: 'number' },
    { name: 'region', type: 'text' },
    { name: 'last_purchase', type: 'date' },
  ];
  const tableId = await api.createTable(h, workbook, 'customers', fields);
  const ids = await api.fieldIds(h, tableId);
  const c = generateCustomers(options.editRows);
  const rows = Array.from({ length: c.n }, (_, i) => ({
    [api.idOf(ids, 'amount')]: c.amount[i] ?? 0,
    [api.idOf(ids, 'frequency')]: c.frequency[i] ?? 0,
    [api.idOf(ids, 'recency')]: c.recency[i] ?? 0,
    [api.idOf(ids, 'region')]: c.region[i] ?? '',
    [api.idOf(ids, 'last_purchase')]: isoFromSerial(c.lastPurchase[i] ?? 0),
  }));
  const t0 = performance.now();
  await api.insertRows(h, tableId, rows);
  lines.push(`setup: ${c.n} rows inserted in batches of 10,000 in ${ms(performance.now() - t0)}`);
  const rowIds = await api.rowIds(h, tableId, 1000);
  const amountId = api.idOf(ids, 'amount');
  const health: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    const t = performance.now();
    await h.call('GET', '/api/health');
    health.push(performance.now() - t);
  }
  const result = [['', 'p50', 'p95', 'target'], row('GET /api/health (HTTP floor)', health)];
  result.push(row('edit, no formula fields (baseline)', await latencies(h, tableId, amountId, rowIds, options.edits)));
  const t1 = performance.now();
  const formulaIds: string[] = [];
  for (const [name, formula] of ROW_LOCAL) formulaIds.push(await api.addFormulaField(h, tableId, name, formula));
  lines.push(`setup: 5 row-local formula fields added and filled in ${ms(performance.now() - t1)}`);
  result.push(row('edit, 5 row-local formula fields', await latencies(h, tableId, amountId, rowIds, options.edits), 30));
  const changed = changedFields(lastAnswer);
  const seen = formulaIds.filter((id) => changed.has(id)).length;
  lines.push(`check: the last edit's answer lists ${seen} of the 5 formula fields among its changes (with_tax must be one)`);
  if (!changed.has(formulaIds[1] ?? '')) lines.push(`  WARNING: formula cells missing from the answer: ${JSON.stringify(lastAnswer).slice(0, 300)}`);
  const t2 = performance.now();
  await api.addFormulaField(h, tableId, 'm_score', 'NTILE([amount],{amount},5)');
  lines.push(`setup: NTILE field added and filled in ${ms(performance.now() - t2)}`);
  result.push(row('edit, + NTILE([amount],{amount},5)', await latencies(h, tableId, amountId, rowIds, options.edits), 300));
  lines.push(...table(result));
  const peak = h.peakRss();
  if (peak !== undefined) lines.push(`peak server RSS: ${(peak / 1024 / 1024).toFixed(0)} MB`);
  return lines;
}
