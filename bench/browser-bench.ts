// `browser`: the workbench in headless Chromium against the real app (issue 5, "Speed"). Three figures, each
// beside a baseline measured in the same run: first rows of a 1M-row table (the same click on a 100-row table;
// the raw GET /rows of the first block), scrolling to the middle (the raw GET of a middle block), and a cell
// edit until its dependent formula cells show the new values on a 100k-row table (the raw PATCH).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as page from './browser-page';
import { type BenchApp, type BenchTable, addFormulas, amountOf, customerName, fieldId, importTable, startBenchApp, tierOf } from './browser-setup';
import { median, ms, ratio, rowsLabel, table, verdict } from './harness';
import type { BenchOptions } from './options';
import { text } from './server-api';

const CHROMIUM = process.env.SEGSHEET_CHROMIUM ?? '/usr/bin/chromium';

interface Sizes {
  readonly big: number;
  readonly edit: number;
  readonly runs: number;
}

async function timeNode(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function figure(label: string, value: number, target: number, baseline: string, base: number): string[] {
  const pass = value >= 0 && value <= target;
  return [label, value < 0 ? 'timeout' : ms(value), `≤ ${ms(target)} ${verdict(pass)}`, baseline, ms(base), ratio(value / base)];
}

async function openTable(p: Page, t: BenchTable, other: BenchTable): Promise<number> {
  await p.evaluate(page.clickTab(other.name));
  await page.waitInPage(p, page.rowShows(0, fieldId(other, '客户'), customerName(0)));
  return page.timeInPage(p, page.clickTab(t.name), page.rowShows(0, fieldId(t, '客户'), customerName(0)));
}

async function openTimes(p: Page, t: BenchTable, other: BenchTable, runs: number): Promise<number> {
  await openTable(p, t, other);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await openTable(p, t, other));
  return median(times);
}

/** Scrolls to points around the middle, each a region the block cache has not seen yet. */
async function scrollTimes(p: Page, t: BenchTable, runs: number): Promise<number> {
  await p.evaluate(page.clickTab(t.name));
  await page.waitInPage(p, page.rowShows(0, fieldId(t, '客户'), customerName(0)));
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const fraction = 0.5 + (i % 2 === 0 ? 1 : -1) * 0.03 * Math.ceil(i / 2);
    const ms = await page.timeInPage(p, page.scrollTo(fraction), page.middleRowsShown(fieldId(t, '客户'), Math.floor(t.rows * 0.3)));
    if (i > 0) times.push(ms);
  }
  return median(times);
}

const EDIT_VALUES = [6000, 100, 3000, 700, 9000, 1200, 2500, 50];

/** Types a new amount into row 0 and times Enter → the tier chip and the double both show the new values. */
async function editTimes(p: Page, t: BenchTable, runs: number): Promise<number> {
  await p.evaluate(page.clickTab(t.name));
  await page.waitInPage(p, page.rowShows(0, fieldId(t, '客户'), customerName(0)));
  const amount = fieldId(t, '金额');
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const value = EDIT_VALUES[i % EDIT_VALUES.length] ?? 1;
    await p.locator(`[data-testid="grid"] .ag-row[row-index="0"] .ag-cell[col-id="${amount}"]`).click();
    await p.keyboard.type(String(value));
    const check = `(${page.rowShows(0, fieldId(t, '档次'), tierOf(value))}) && (${page.cellNumberIs(0, fieldId(t, '两倍'), value * 2)})`;
    await page.armEnterProbe(p, check);
    await p.keyboard.press('Enter');
    const ms = await page.probeResult(p);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

async function firstRowsSinceNavigation(p: Page, url: string, t: BenchTable): Promise<number> {
  await p.goto(url, { waitUntil: 'commit' });
  await p.waitForFunction('document.readyState !== "loading"');
  await page.waitInPage(p, page.rowShows(0, fieldId(t, '客户'), customerName(0)));
  const now: unknown = await p.evaluate('performance.now()');
  return typeof now === 'number' ? now : -1;
}

async function measure(b: BenchApp, browser: Browser, sizes: Sizes, lines: string[]): Promise<void> {
  const t0 = performance.now();
  const workbook = text(await b.call('POST', '/api/workbooks', { name: 'browser bench', language: 'en', asOf: '2025-01-01' }), 'id');
  const small = await importTable(b, workbook, 'small', 100);
  const big = await importTable(b, workbook, 'big', sizes.big);
  const edit = await addFormulas(b, await importTable(b, workbook, 'edit', sizes.edit));
  lines.push(`setup: tables of 100, ${rowsLabel(sizes.big)} and ${rowsLabel(sizes.edit)} rows (+2 formula fields) imported in ${ms(performance.now() - t0)}`);

  const context = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 } });
  const p = await context.newPage();
  const url = `${b.app.url}/#/wb/${workbook}/t/${big.id}`;
  const load = await firstRowsSinceNavigation(p, url, big);
  const rows = (tb: BenchTable, offset: number) => () => b.call('GET', `/api/tables/${tb.id}/rows?offset=${offset}&limit=100`);
  const rawFirst = await timeNode(sizes.runs, rows(big, 0));
  const rawMiddle = await timeNode(sizes.runs, rows(big, Math.floor(sizes.big / 2)));
  const openBig = await openTimes(p, big, small, sizes.runs);
  const openSmall = await openTimes(p, small, big, sizes.runs);
  const scroll = await scrollTimes(p, big, sizes.runs);
  const typed = await editTimes(p, edit, sizes.runs);
  // The raw PATCH edits row 1, not the row the page shows, so the two never race.
  const rowOne = rowIdOf(await b.call('GET', `/api/tables/${edit.id}/rows?offset=1&limit=1`));
  let n = 0;
  const patch = await timeNode(sizes.runs, () => {
    const id = rowOne;
    return b.call('PATCH', `/api/tables/${edit.id}/rows`, { rows: [{ id, cells: { [fieldId(edit, '金额')]: amountOf(n++) } }] });
  });
  await context.close();

  const big$ = rowsLabel(sizes.big);
  lines.push(
    ...table([
      ['figure', 'median', 'target', 'baseline', '', 'ratio'],
      figure(`open ${big$}-row table (tab click) → first rows`, openBig, 1500, 'same click, 100-row table', openSmall),
      ['', '', '', 'raw GET /rows (first 100)', ms(rawFirst), ratio(openBig / rawFirst)],
      figure(`scroll ${big$}-row table to the middle → rows`, scroll, 500, 'raw GET /rows (middle 100)', rawMiddle),
      figure(`edit a cell → 2 formula cells updated (${rowsLabel(sizes.edit)} rows)`, typed, 300, 'raw PATCH of one cell', patch),
    ]),
  );
  lines.push(`page load → first rows of the ${big$}-row table (loading the app too, once): ${ms(load)}`);
}

function rowIdOf(page: unknown): string {
  const rowsOf = typeof page === 'object' && page !== null ? Reflect.get(page, 'rows') : undefined;
  const first: unknown = Array.isArray(rowsOf) ? rowsOf[0] : undefined;
  return text(first, 'id');
}

export async function runBrowserBenchmark(o: BenchOptions): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`not ready: no Chromium at ${CHROMIUM} (apt-get install chromium, or set SEGSHEET_CHROMIUM)`];
  const sizes: Sizes = o.quick ? { big: 100_000, edit: 10_000, runs: 3 } : { big: 1_000_000, edit: 100_000, runs: 5 };
  const lines: string[] = [];
  const b = await startBenchApp();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    await measure(b, browser, sizes, lines);
  } finally {
    await browser?.close();
    await b.app.stop();
  }
  return lines;
}
