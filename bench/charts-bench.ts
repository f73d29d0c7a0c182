// `charts`: group summaries of a 1M-row table (issue 7, "Speed"). The summary requests of a distribution
// (formula grouping + sum) and a cross-tab (grouping × city) over HTTP, beside the same GROUP BY run directly by
// SQLite (better-sqlite3 in this process, read-only on the app's own file); and a dashboard with both charts
// opened in headless Chromium right after an edit of the big table (the first open after a data change), timed
// from the click to ECharts' 'finished' event on every chart.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { sqlColumn, sqlTable } from '../server/db/ids';
import { type BenchApp, fieldId, importTable, startBenchApp, TIER_FORMULA } from './browser-setup';
import * as page from './browser-page';
import { measure, median, ms, ratio, rowsLabel, table, verdict } from './harness';
import type { BenchOptions } from './options';
import { text } from './server-api';

const CHROMIUM = process.env.SEGSHEET_CHROMIUM ?? '/usr/bin/chromium';
const TIERS = ['T1', 'T2', 'T3', 'T4'];

/**
 * POST on a new connection each time: the SQLite baseline runs for seconds between requests, long enough for
 * the server to close an idle keep-alive socket that fetch would then reuse ("fetch failed").
 */
function postFresh(url: string, body: unknown): Promise<unknown> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const textBody = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`${url} answered ${res.statusCode}: ${textBody.slice(0, 300)}`));
        else resolve(JSON.parse(textBody) as unknown);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

/**
 * Opens of the dashboard, each right after `change` (an edit of the big table): every open is the first after a
 * data change, so nothing kept from the previous open can answer it.
 */
async function dashboardTimes(b: BenchApp, browser: Browser, workbook: string, smallId: string, charts: number, runs: number, change: () => Promise<unknown>): Promise<number[]> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  try {
    const p = await context.newPage();
    await p.goto(`${b.app.url}/#/wb/${workbook}/t/${smallId}`);
    await p.getByTestId('open-dashboard').waitFor({ timeout: 60_000 });
    const drawn = `document.querySelectorAll('[data-testid="dashboard"] .chart-canvas[data-drawn]').length === ${charts}`;
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await p.getByTestId('open-grid').click();
      await p.locator('[data-testid="grid"] .ag-row').first().waitFor({ timeout: 60_000 });
      await change();
      const t = await page.timeInPage(p, `document.querySelector('[data-testid="open-dashboard"]').click()`, drawn);
      if (i > 0) times.push(t < 0 ? Number.POSITIVE_INFINITY : t);
    }
    return times;
  } finally {
    await context.close();
  }
}

export async function runChartsBenchmark(o: BenchOptions): Promise<string[]> {
  const rows = o.quick ? 100_000 : 1_000_000;
  const runs = o.quick ? 3 : 7;
  const lines: string[] = [];
  const b = await startBenchApp();
  let browser: Browser | undefined;
  let db: Database.Database | undefined;
  try {
    const t0 = performance.now();
    const workbook = text(await b.call('POST', '/api/workbooks', { name: 'charts bench', language: 'zh-CN' }), 'id');
    const small = await importTable(b, workbook, 'small', 100);
    const big = await importTable(b, workbook, 'big', rows);
    const tierField = await b.call('POST', `/api/tables/${big.id}/fields`, {
      name: '档次', type: 'formula', formula: TIER_FORMULA, groups: TIERS.map((value) => ({ value, color: '#dbeafe' })),
    });
    const tier = text(tierField, 'id');
    const amount = fieldId(big, '金额');
    const city = fieldId(big, '城市');
    lines.push(`setup: ${rowsLabel(rows)} rows imported + a formula grouping (4 tiers) in ${ms(performance.now() - t0)}`);

    // The same GROUP BY, straight from SQLite on the app's file (read-only; WAL lets both read at once).
    db = new Database(path.join(b.app.dataDir, 'segsheet.db'), { readonly: true });
    const T = sqlTable(big.id);
    const [cTier, cAmount, cCity] = [sqlColumn(tier), sqlColumn(amount), sqlColumn(city)];
    const direct1 = db.prepare(`select ${cTier} as k, count(*) as n, total(${cAmount}) as s from ${T} group by ${cTier}`);
    const direct2 = db.prepare(`select ${cTier} as a, ${cCity} as b, count(*) as n from ${T} group by ${cTier}, ${cCity}`);
    const distBody = { groupBy: [tier], measures: [{ op: 'sum', fieldId: amount }] };
    const crossBody = { groupBy: [tier, city] };
    const summary = (body: unknown) => () => postFresh(`${b.app.url}/api/tables/${big.id}/summary`, body);

    // The answers must agree before the times mean anything.
    const answer = await summary(distBody)();
    const served = (typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'total') : undefined) as unknown;
    const sqlTotal = (direct1.all() as { n: number }[]).reduce((s, r) => s + r.n, 0);
    if (served !== sqlTotal) lines.push(`WARNING: summary total ${String(served)} ≠ SQLite ${sqlTotal}`);

    const d1 = await measure(summary(distBody), runs, 1);
    const s1 = await measure(() => direct1.all(), runs, 1);
    const d2 = await measure(summary(crossBody), runs, 1);
    const s2 = await measure(() => direct2.all(), runs, 1);

    // What the page has to wait for before it can draw: both summaries, asked at once as the dashboard does.
    const both = await measure(() => Promise.all([summary(distBody)(), summary(crossBody)()]), runs, 1);
    let drawn = 'not run';
    let drawnPass = false;
    let drawnMs = Number.NaN;
    if (existsSync(CHROMIUM)) {
      await b.call('PUT', `/api/workbooks/${workbook}/dashboard`, {
        charts: [
          { id: 'dist', tableId: big.id, kind: 'bar', fields: [tier], measures: [{ op: 'sum', fieldId: amount }], place: { x: 0, y: 0, w: 2, h: 1 } },
          { id: 'cross', tableId: big.id, kind: 'crosstab', fields: [tier, city], place: { x: 0, y: 1, w: 4, h: 1 } },
        ],
      });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
      // One cell's amount flips between tiers T4 and T1, so the tier formula and both summaries change each time.
      const first = await b.call('GET', `/api/tables/${big.id}/rows?offset=0&limit=1`);
      const rowsOf = typeof first === 'object' && first !== null ? Reflect.get(first, 'rows') : undefined;
      const rowId: unknown = Array.isArray(rowsOf) && typeof rowsOf[0] === 'object' && rowsOf[0] !== null ? Reflect.get(rowsOf[0], 'id') : undefined;
      let edits = 0;
      const change = () => b.call('PATCH', `/api/tables/${big.id}/rows`, { rows: [{ id: rowId, cells: { [amount]: edits++ % 2 === 0 ? 6000 : 0 } }] });
      const times = await dashboardTimes(b, browser, workbook, small.id, 2, o.quick ? 3 : 5, change);
      const m = median(times);
      drawn = Number.isFinite(m) ? ms(m) : 'timeout';
      drawnPass = m <= 1000;
      drawnMs = m;
    } else drawn = `no Chromium at ${CHROMIUM}`;

    const n = rowsLabel(rows);
    lines.push(
      ...table([
        ['figure', 'median', 'baseline (SQLite GROUP BY)', '', 'ratio', 'target'],
        [`distribution of ${n} rows (tier, count + sum)`, ms(d1.median), 'better-sqlite3, same file', ms(s1.median), ratio(d1.median / s1.median), `≤ 3× ${verdict(d1.median / s1.median <= 3)}`],
        [`cross-tab of ${n} rows (tier × city)`, ms(d2.median), 'better-sqlite3, same file', ms(s2.median), ratio(d2.median / s2.median), `≤ 3× ${verdict(d2.median / s2.median <= 3)}`],
        [`edit, then dashboard click → both charts drawn (ECharts 'finished')`, drawn, 'both summaries at once, from Node', ms(both.median), ratio(drawnMs / both.median), `≤ 1 s ${verdict(drawnPass)}`],
      ]),
    );
    lines.push(`the page's own part (mount, fetch, build options, draw; the first draw is not animated): ${ms(drawnMs - both.median)}`);
  } finally {
    db?.close();
    await browser?.close();
    await b.app.stop();
  }
  return lines;
}
