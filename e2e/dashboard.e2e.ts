// The manager's dashboard in real Chromium, on the demo workbook: build it through the UI (distribution, Pareto,
// cross-tab, summary table), check each chart is drawn and names its groups, export a PNG, reload, see a data
// edit and its undo reach the charts, and click a group to filter the grid to it.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dashboard, SummaryResult, Table, Workbook } from '../common';
import { appAndBrowser, openPage, screenshotDir, SLOW } from './browser';

const poll = { timeout: 30_000, interval: 200 };
const TIER = '客户等级';
const HIGH = '高价值';
/** The chip colour of 高价值 in the demo (server/features/demo/demo.seed.ts): the bar's fill. */
const HIGH_RGB: [number, number, number] = [0xe8, 0x68, 0x4a];

describe('dashboard', () => {
  const env = appAndBrowser();
  let workbook: Workbook;
  let table: Table;
  const fieldId = (name: string): string => {
    const f = table.fields.find((x) => x.name === name);
    if (!f) throw new Error(`the demo table has no field ${name}`);
    return f.id;
  };

  beforeAll(async () => {
    const list = await env.app.fetchJson<Workbook[]>('/api/workbooks');
    workbook = await env.app.fetchJson<Workbook>(`/api/workbooks/${list[0]!.id}`);
    table = await env.app.fetchJson<Table>(`/api/tables/${workbook.tables[0]!.id}`);
  });

  async function tierCounts(): Promise<Record<string, number>> {
    const res = await fetch(`${env.app.url}/api/tables/${table.id}/summary`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ groupBy: [fieldId(TIER)] }),
    });
    const s = (await res.json()) as SummaryResult;
    return Object.fromEntries(s.groups.map((g) => [String(g.key[0]), g.count]));
  }

  async function addChart(page: Page, kind: string, title: string, fields: { field?: string; field2?: string } = {}): Promise<void> {
    await page.getByTestId('add-chart').click();
    const dialog = page.getByTestId('add-chart-dialog');
    await dialog.waitFor(SLOW);
    await page.getByTestId(`chart-kind-${kind}`).check();
    await expect.poll(() => page.getByTestId('chart-field').locator('option').count(), poll).toBeGreaterThan(1);
    if (fields.field) await page.getByTestId('chart-field').selectOption({ label: fields.field });
    if (fields.field2) await page.getByTestId('chart-field2').selectOption({ label: fields.field2 });
    await page.getByTestId('chart-title').fill(title);
    await page.getByTestId('chart-add').click();
    await dialog.waitFor({ state: 'detached', ...SLOW });
  }

  const card = (page: Page, title: string): Locator => page.locator('article.card').filter({ has: page.locator('h3', { hasText: title }) });

  /** Pixels of the card's chart canvas that are neither transparent nor near-white. */
  async function inkedPixels(c: Locator): Promise<{ inked: number; total: number }> {
    return c.locator('canvas').first().evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) return { inked: 0, total: 0 };
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) > 32 && ((data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235)) inked++;
      }
      return { inked, total: data.length / 4 };
    });
  }

  /** Where on the page the canvas shows a colour (the centre of its pixels), or null. */
  async function whereColour(c: Locator, rgb: [number, number, number]): Promise<{ x: number; y: number } | null> {
    const canvas = c.locator('canvas').first();
    const box = await canvas.boundingBox();
    const hit = await canvas.evaluate((el, want) => {
      const cv = el as HTMLCanvasElement;
      const data = cv.getContext('2d')?.getImageData(0, 0, cv.width, cv.height).data;
      if (!data) return null;
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs((data[i] ?? 0) - want[0]) + Math.abs((data[i + 1] ?? 0) - want[1]) + Math.abs((data[i + 2] ?? 0) - want[2]) < 12) {
          const p = i / 4;
          sx += p % cv.width;
          sy += Math.floor(p / cv.width);
          n++;
        }
      }
      return n < 50 ? null : { x: sx / n / (cv.width / cv.clientWidth), y: sy / n / (cv.height / cv.clientHeight) };
    }, rgb);
    return hit && box ? { x: box.x + hit.x, y: box.y + hit.y } : null;
  }

  const groupNames = (c: Locator): Promise<string[]> => c.getByTestId('chart-groups').locator('li').allInnerTexts();
  const summaryCount = async (page: Page, group: string): Promise<string> =>
    (await card(page, '汇总').getByTestId('summary-table').locator('tbody tr', { hasText: group }).locator('td').nth(1).innerText()).trim();

  test('build, draw, export, reload, refresh on edits, click to filter', async () => {
    // The demo comes with a dashboard of its own; this test builds one from nothing.
    const cleared = await fetch(`${env.app.url}/api/workbooks/${workbook.id}/dashboard`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ charts: [] }),
    });
    expect(cleared.status).toBe(200);
    const page = await openPage(env.browser, 'dashboard');
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('add-chart').waitFor(SLOW);

    // 1. Build it through the dialog.
    await addChart(page, 'bar', '等级分布', { field: TIER });
    await addChart(page, 'pareto', '帕累托');
    await addChart(page, 'crosstab', '等级×省份', { field: TIER, field2: '省份' });
    await addChart(page, 'summary', '汇总', { field: TIER });
    const saved = await env.app.fetchJson<Dashboard>(`/api/workbooks/${workbook.id}/dashboard`);
    expect(saved.charts.map((c) => c.kind)).toEqual(['bar', 'pareto', 'crosstab', 'summary']);

    // 2. Each chart is drawn (not a blank canvas), names its groups, and is kept as a screenshot.
    const counts = await tierCounts();
    const expectedGroups: Record<string, string[]> = {
      等级分布: [HIGH, '中价值', '低价值'],
      帕累托: ['A 类', 'B 类', 'C 类'],
      '等级×省份': [HIGH, '中价值', '低价值', '广东', '浙江'],
    };
    mkdirSync(screenshotDir, { recursive: true });
    for (const [title, names] of Object.entries(expectedGroups)) {
      const c = card(page, title);
      await expect.poll(() => groupNames(c), poll).toEqual(expect.arrayContaining(names));
      await expect.poll(async () => (await inkedPixels(c)).inked, poll).toBeGreaterThan(2000);
      await c.screenshot({ path: path.join(screenshotDir, `dashboard-${title}.png`) });
    }
    const bar = card(page, '等级分布');
    expect(await groupNames(bar)).toEqual([HIGH, '中价值', '低价值']);
    await expect.poll(() => summaryCount(page, HIGH), poll).toBe(String(counts[HIGH]));
    await card(page, '汇总').screenshot({ path: path.join(screenshotDir, 'dashboard-汇总.png') });

    // 3. PNG export: a real PNG of some size.
    const [download] = await Promise.all([page.waitForEvent('download', SLOW), bar.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toBe('等级分布.png');
    const png = new Uint8Array(await readFile(await download.path()));
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5_000);

    // 4. Reload: the dashboard was saved on the server.
    await page.reload();
    await page.getByTestId('open-dashboard').click();
    await expect.poll(() => page.locator('article.card h3').allInnerTexts(), poll).toEqual(['等级分布', '帕累托', '等级×省份', '汇总']);
    await expect.poll(async () => (await inkedPixels(card(page, '等级分布'))).inked, poll).toBeGreaterThan(2000);

    // 5. A data edit (a low-value customer's sale → 500,000) reaches the charts; its undo, done while the
    //    dashboard is shown, too.
    const rows = await env.app.fetchJson<{ rows: { cells: Record<string, unknown> }[] }>(`/api/tables/${table.id}/rows?limit=100`);
    const low = rows.rows.find((r) => r.cells[fieldId(TIER)] === '低价值');
    const name = String(low?.cells[fieldId('客户名称')]);
    const before = await bar.locator('canvas').first().evaluate((el) => (el as HTMLCanvasElement).toDataURL());
    await page.getByTestId('open-grid').click();
    const grid = page.getByTestId('grid');
    const nameCell = grid.locator(`.ag-row [col-id="${fieldId('客户名称')}"]`).filter({ hasText: name }).first();
    await nameCell.waitFor(SLOW);
    const rowIndex = await nameCell.evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index') ?? '');
    await grid.locator(`.ag-row[row-index="${rowIndex}"] [col-id="${fieldId('销售额')}"]`).first().dblclick();
    const input = grid.locator('.ag-cell-inline-editing input').first();
    await input.waitFor(SLOW);
    await input.fill('500000');
    await input.press('Enter');
    await expect.poll(async () => (await tierCounts())[HIGH], poll).toBe((counts[HIGH] ?? 0) + 1);
    await page.getByTestId('open-dashboard').click();
    await expect.poll(() => summaryCount(page, HIGH), poll).toBe(String((counts[HIGH] ?? 0) + 1));
    await expect.poll(() => bar.locator('canvas').first().evaluate((el) => (el as HTMLCanvasElement).toDataURL()), poll).not.toBe(before);
    await page.getByTestId('undo').click();
    await expect.poll(() => summaryCount(page, HIGH), poll).toBe(String(counts[HIGH]));

    // 6. Click the 高价值 bar: the grid shows exactly the high-value customers.
    await expect.poll(async () => (await inkedPixels(bar)).inked, poll).toBeGreaterThan(2000);
    let target: { x: number; y: number } | null = null;
    await expect.poll(async () => (target = await whereColour(bar, HIGH_RGB)), poll).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await grid.waitFor(SLOW);
    const tierCells = grid.locator(`.ag-row [col-id="${fieldId(TIER)}"]`);
    await expect.poll(() => tierCells.count(), poll).toBe(counts[HIGH]);
    expect(new Set((await tierCells.allInnerTexts()).map((s) => s.trim()))).toEqual(new Set([HIGH]));
  });
});
