// Workbooks in real Chromium: create a second one from the workbook menu, switch back and forth, rename it, set a
// fixed as-of date and see a TODAY() formula change, move a table down, trash the workbook and restore it.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, SLOW } from './browser';

interface WorkbookJson {
  id: string;
  name: string;
  asOf: string | null;
  tables: { id: string; name: string }[];
}
interface TableJson {
  id: string;
  fields: { id: string; name: string }[];
}

const poll = { timeout: 30_000, interval: 250 };
const SECOND = '第二个工作簿';
const RENAMED = '产品分析';

describe('workbooks', () => {
  const env = appAndBrowser();

  async function send<T>(method: string, apiPath: string, body: unknown): Promise<T> {
    const response = await fetch(`${env.app.url}${apiPath}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${apiPath} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
  const workbooks = (): Promise<WorkbookJson[]> => env.app.fetchJson<WorkbookJson[]>('/api/workbooks');
  const tabs = (page: Page): Promise<string[]> => page.getByTestId('table-tab').allInnerTexts().then((xs) => xs.map((x) => x.trim()));
  const headerName = (page: Page): Promise<string> => page.getByTestId('workbook-name').innerText().catch(() => '');

  async function menuItem(page: Page, testId: string): Promise<void> {
    await page.getByTestId('workbook-menu').click();
    await page.getByTestId(testId).click();
  }
  async function openWorkbook(page: Page, name: string): Promise<void> {
    await page.getByTestId('workbook-menu').click();
    await page.getByTestId('workbook-item').filter({ hasText: name }).click();
    await expect.poll(() => headerName(page), poll).toBe(name);
  }
  async function answerPrompt(page: Page, value: string): Promise<void> {
    await page.getByTestId('prompt-input').fill(value);
    await page.getByTestId('prompt-ok').click();
  }

  test('create, switch, rename, as-of date, table order, trash and restore', async () => {
    // The demo workbook gets a second table whose formula counts the days from 2024-01-01 to TODAY().
    const demo = (await workbooks())[0]!;
    const dates = await send<TableJson>('POST', `/api/workbooks/${demo.id}/tables`, {
      name: '日期',
      fields: [{ name: '备注', type: 'text' }, { name: '天数', type: 'formula', formula: 'TODAY()-DATE(2024,1,1)' }],
    });
    const note = dates.fields.find((f) => f.name === '备注')!;
    const days = dates.fields.find((f) => f.name === '天数')!;
    await send('POST', `/api/tables/${dates.id}/rows`, { rows: [{ cells: { [note.id]: '今天' } }] });
    const demoTabs = (await env.app.fetchJson<WorkbookJson>(`/api/workbooks/${demo.id}`)).tables.map((t) => t.name);
    expect(demoTabs).toEqual(['客户', '日期']);

    const page = await openPage(env.browser, 'workbooks', 'zh-CN');
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    expect(await headerName(page)).toBe(demo.name);

    // A second workbook from the menu: empty, then with a table made in the UI.
    await menuItem(page, 'workbook-new');
    await answerPrompt(page, SECOND);
    await expect.poll(() => headerName(page), poll).toBe(SECOND);
    await expect.poll(() => tabs(page), poll).toEqual([]);
    await page.getByTestId('add-table').click();
    await answerPrompt(page, '产品');
    await expect.poll(() => tabs(page), poll).toEqual(['产品']);
    const second = (await workbooks()).find((w) => w.name === SECOND)!;
    expect(page.url()).toContain(second.id);

    // Back and forth: each workbook shows its own tables, and the demo its rows.
    await openWorkbook(page, demo.name);
    await expect.poll(() => tabs(page), poll).toEqual(demoTabs);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    expect(page.url()).toContain(demo.id);
    await openWorkbook(page, SECOND);
    await expect.poll(() => tabs(page), poll).toEqual(['产品']);

    // Rename: the header and the server's list follow.
    await menuItem(page, 'workbook-rename');
    await expect.poll(() => page.getByTestId('prompt-input').inputValue(), poll).toBe(SECOND);
    await answerPrompt(page, RENAMED);
    await expect.poll(() => headerName(page), poll).toBe(RENAMED);
    expect((await workbooks()).map((w) => w.name)).toEqual([demo.name, RENAMED]);

    // A fixed as-of date: TODAY() becomes 2024-06-30, 181 days after 2024-01-01; the header says so.
    await openWorkbook(page, demo.name);
    await page.getByTestId('table-tab').filter({ hasText: '日期' }).click();
    const cell = page.getByTestId('grid').locator(`.ag-row[row-index="0"] [col-id="${days.id}"]`).first();
    await expect.poll(() => cell.innerText().catch(() => ''), poll).toMatch(/\d/);
    expect(await cell.innerText()).not.toBe('181');
    await menuItem(page, 'workbook-asof-open');
    await page.getByTestId('asof-dialog').waitFor(SLOW);
    await page.getByTestId('asof-fixed').check();
    await page.getByTestId('asof-date').fill('2024-06-30');
    await page.getByTestId('asof-save').click();
    await page.getByTestId('asof-dialog').waitFor({ state: 'detached', ...SLOW });
    await expect.poll(() => cell.innerText().catch(() => ''), poll).toBe('181');
    expect(await page.getByTestId('workbook-asof').innerText()).toBe('基准日 2024-06-30');
    expect((await env.app.fetchJson<WorkbookJson>(`/api/workbooks/${demo.id}`)).asOf).toBe('2024-06-30');

    // Move the first table down: the tabs and the server's order follow; at the end "move down" is off.
    await page.getByTestId('table-tab').filter({ hasText: '客户' }).click({ button: 'right' });
    await expect.poll(() => page.getByTestId('table-move-up').isDisabled(), poll).toBe(true);
    await page.getByTestId('table-move-down').click();
    await expect.poll(() => tabs(page), poll).toEqual(['日期', '客户']);
    expect((await env.app.fetchJson<WorkbookJson>(`/api/workbooks/${demo.id}`)).tables.map((t) => t.name)).toEqual(['日期', '客户']);
    await page.getByTestId('table-tab').filter({ hasText: '客户' }).click({ button: 'right' });
    expect(await page.getByTestId('table-move-down').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');

    // Trash the second workbook: the demo opens, and the menu no longer lists it.
    await openWorkbook(page, RENAMED);
    await menuItem(page, 'workbook-delete');
    await page.getByTestId('prompt-ok').click();
    await expect.poll(() => headerName(page), poll).toBe(demo.name);
    expect((await workbooks()).map((w) => w.name)).toEqual([demo.name]);
    await page.getByTestId('workbook-menu').click();
    expect(await page.getByTestId('workbook-item').allInnerTexts()).toEqual([expect.stringContaining(demo.name)]);

    // Restore it from "trashed workbooks": it is listed again, with its table.
    await page.getByTestId('workbook-trashed').click();
    const trashed = page.getByTestId('trashed-workbook').filter({ hasText: RENAMED });
    await trashed.getByTestId('trashed-workbook-restore').click();
    await trashed.waitFor({ state: 'detached', ...SLOW });
    await page.keyboard.press('Escape');
    await page.getByTestId('trashed-workbooks-dialog').waitFor({ state: 'detached', ...SLOW });
    expect((await workbooks()).map((w) => w.name)).toEqual([demo.name, RENAMED]);
    await openWorkbook(page, RENAMED);
    await expect.poll(() => tabs(page), poll).toEqual(['产品']);
  });
});
