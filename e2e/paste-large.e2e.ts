import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, SLOW } from './browser';

interface RowJson {
  id: string;
  cells: Record<string, string | number | boolean | null>;
}

const ROWS = 5000;
const PASTED = 3000;
/** The paste starts at this row of the view, sorted by amount ascending: rows 4000–4999 exist, 2000 are added. */
const START = 4000;
const poll = { timeout: 60_000, interval: 500 };

describe('a large paste', () => {
  const env = appAndBrowser();

  async function call<T>(method: string, route: string, body: unknown): Promise<T> {
    const res = await fetch(env.app.url + route, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }
  async function allRows(tableId: string, sort: string): Promise<RowJson[]> {
    const out: RowJson[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await env.app.fetchJson<{ rows: RowJson[]; total: number }>(`/api/tables/${tableId}/rows?offset=${offset}&limit=1000&sort=${sort}`);
      out.push(...page.rows);
      if (out.length >= page.total || page.rows.length === 0) return out;
    }
  }

  /** Scrolls the grid until the row of the given view index is drawn, and clicks its cell. */
  async function clickCell(page: Page, rowIndex: number, fieldId: string): Promise<void> {
    await page.getByTestId('grid').locator('.ag-row[row-index="0"]').first().waitFor(SLOW);
    const cell = page.getByTestId('grid').locator(`.ag-row[row-index="${rowIndex}"] [col-id="${fieldId}"]`).first();
    // Scrolled again on each try: a reload of the view (after a sort) puts the grid back at the top.
    const scroll = `(() => {
      const v = document.querySelector('[data-testid="grid"] .ag-grid-viewport');
      const h = document.querySelector('[data-testid="grid"] .ag-row').getBoundingClientRect().height;
      v.scrollTop = ${rowIndex} * h - 100;
    })()`;
    await expect.poll(async () => {
      if ((await cell.count()) === 0) await page.evaluate(scroll);
      return cell.innerText().catch(() => '');
    }, poll).not.toBe('');
    await cell.click();
  }

  test('3,000 rows from near the end of a sorted view: the right rows change, rows are added, a bad cell is reported', async () => {
    const workbooks = await env.app.fetchJson<{ id: string }[] | { workbooks: { id: string }[] }>('/api/workbooks');
    const workbookId = (Array.isArray(workbooks) ? workbooks : workbooks.workbooks)[0]!.id;
    const table = await call<{ id: string; fields: { id: string; name: string }[] }>('POST', `/api/workbooks/${workbookId}/tables`, {
      name: '大表',
      fields: [{ name: '名称', type: 'text' }, { name: '金额', type: 'number' }],
    });
    const [name, amount] = table.fields.map((f) => f.id) as [string, string];
    // Inserted in descending amounts: the grid's ascending sort puts them in the reverse order of their ids.
    await call('POST', `/api/tables/${table.id}/rows`, {
      rows: Array.from({ length: ROWS }, (_, i) => ({ cells: { [name]: `旧${i}`, [amount]: ROWS - i } })),
    });

    const page = await openPage(env.browser, 'paste-large');
    await page.goto(`${env.app.url}/#/wb/${workbookId}/t/${table.id}`);
    const header = page.locator(`.ag-header-cell[col-id="${amount}"] .ss-header-name`);
    await header.click();
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${amount}"]`).getAttribute('aria-sort'), poll).toBe('ascending');
    // The sorted rows are shown: the smallest amount (row 旧4999) first.
    await expect.poll(() => page.getByTestId('grid').locator(`.ag-row[row-index="0"] [col-id="${name}"]`).first().innerText().catch(() => ''), poll).toBe(`旧${ROWS - 1}`);
    await clickCell(page, START, name);

    // Name and amount; one amount is not a number (view row 4011).
    const lines = Array.from({ length: PASTED }, (_, k) => `新${k}\t${k === 11 ? '十二' : START + k + 1}`);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, lines.join('\r\n') + '\r\n');
    const report = page.getByTestId('paste-report');
    await report.waitFor(SLOW);
    expect(await report.getByTestId('paste-error').allInnerTexts()).toEqual([expect.stringContaining('十二')]);
    expect(await report.getByTestId('paste-error').first().innerText()).toContain(String(START + 11 + 1));
    await page.getByTestId('paste-proceed').click();

    await expect.poll(async () => (await env.app.fetchJson<{ total: number }>(`/api/tables/${table.id}/rows?limit=1`)).total, poll).toBe(ROWS + PASTED - 1000);
    const sorted = await allRows(table.id, `${amount}:asc`);
    const byName = new Map(sorted.map((r) => [r.cells[name], r]));
    const byAmount = new Map(sorted.map((r) => [r.cells[amount], r]));
    // The view rows 4000–4999 (amounts 4001–5000, the rows named 旧999 … 旧0) now carry the first 1000 pasted names.
    for (const k of [0, 1, 11, 500, 999]) {
      expect(byAmount.get(START + k + 1)?.cells[name]).toBe(`新${k}`);
      expect(byName.has(`旧${ROWS - (START + k + 1)}`)).toBe(false);
    }
    // The other 2000 were added as new rows with their amounts; the rows above the paste are untouched.
    for (const k of [1000, 1500, 2999]) expect(byName.get(`新${k}`)?.cells[amount]).toBe(START + k + 1);
    expect(sorted.filter((r) => String(r.cells[name]).startsWith('旧')).length).toBe(ROWS - 1000);
    expect(byAmount.get(START)?.cells[name]).toBe(`旧${ROWS - START}`);

    // The paste was two requests (the changed rows, the added rows): one undo takes back both.
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await env.app.fetchJson<{ total: number }>(`/api/tables/${table.id}/rows?limit=1`)).total, poll).toBe(ROWS);
    const back = new Map((await allRows(table.id, `${amount}:asc`)).map((r) => [r.cells[amount], r.cells[name]]));
    for (const k of [0, 500, 999]) expect(back.get(START + k + 1)).toBe(`旧${ROWS - (START + k + 1)}`);
  });
});
