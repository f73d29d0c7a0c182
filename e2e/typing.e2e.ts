import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, screenshotDir, SLOW } from './browser';

type CellJson = string | number | boolean | null | { error: string };
interface FieldJson {
  id: string;
  name: string;
  type: string;
}
interface RowsAnswer {
  rows: { id: string; cells: Record<string, CellJson> }[];
}

const poll = { timeout: 30_000, interval: 250 };

describe('typing into a number cell (issue 14)', () => {
  const env = appAndBrowser();

  async function demoTable(): Promise<{ id: string; amount: FieldJson; name: FieldJson }> {
    const answer = await env.app.fetchJson<{ id: string }[] | { workbooks: { id: string }[] }>('/api/workbooks');
    const workbookId = (Array.isArray(answer) ? answer : answer.workbooks)[0]!.id;
    const wb = await env.app.fetchJson<{ tables: { id: string }[] }>(`/api/workbooks/${workbookId}`);
    const id = wb.tables[0]!.id;
    const t = await env.app.fetchJson<{ fields?: FieldJson[]; table?: { fields?: FieldJson[] } }>(`/api/tables/${id}`);
    const fields = t.fields ?? t.table?.fields ?? [];
    return { id, amount: fields.find((f) => f.name === '销售额')!, name: fields[0]! };
  }

  async function serverValue(tableId: string, rowId: string, fieldId: string): Promise<CellJson | undefined> {
    const page = await env.app.fetchJson<RowsAnswer>(`/api/tables/${tableId}/rows?limit=1000`);
    return page.rows.find((r) => r.id === rowId)?.cells[fieldId];
  }

  function cell(page: Page, fieldId: string) {
    return page.getByTestId('grid').locator(`.ag-row[row-index="0"] [col-id="${fieldId}"]`).first();
  }

  /** The id of the grid's first row, once its data is shown (before, the row is a loading stub). */
  async function firstRowId(page: Page, fieldId: string): Promise<string> {
    await expect.poll(() => cell(page, fieldId).innerText().catch(() => ''), poll).not.toBe('');
    const id = await page.getByTestId('grid').locator('.ag-row[row-index="0"]').first().getAttribute('row-id');
    if (!id) throw new Error('the first grid row has no row-id');
    return id;
  }

  /** Double-click, replace the editor's text, Enter: as a user corrects a cell. */
  async function retype(page: Page, fieldId: string, text: string): Promise<void> {
    await cell(page, fieldId).dblclick();
    const input = page.getByTestId('grid').locator('.ag-cell-inline-editing input').first();
    await input.waitFor(SLOW);
    await input.fill(text);
    await input.press('Enter');
    await input.waitFor({ state: 'detached', ...SLOW });
  }

  async function shot(page: Page, name: string): Promise<void> {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, name) });
  }

  test('Excel forms are read exactly; anything else keeps the old value with a message at the cell', async () => {
    const { id, amount, name } = await demoTable();
    const page = await openPage(env.browser, 'typing-zh');
    await page.goto(env.app.url);
    const rowId = await firstRowId(page, amount.id);
    const customer = String(await serverValue(id, rowId, name.id));
    const before = await serverValue(id, rowId, amount.id);
    expect(typeof before).toBe('number');

    // Typed over the selected cell, as a user does: "abc" is refused, the old value stays.
    await cell(page, amount.id).click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('notice').filter({ hasText: '“abc”不是数字' });
    await notice.waitFor(SLOW);
    expect(await notice.innerText()).toContain(`第 1 行（${customer}）的字段“销售额”`);
    await expect.poll(() => cell(page, amount.id).getAttribute('class'), poll).toContain('ss-refused');
    expect(await serverValue(id, rowId, amount.id)).toBe(before);
    await shot(page, 'typing-zh-CN.png');

    for (const [text, value] of [['1.2万', 12000], ['12%', 0.12], ['(12)', -12], ['¥1,234.50', 1234.5], ['１２３', 123]] as const) {
      await retype(page, amount.id, text);
      await expect.poll(() => serverValue(id, rowId, amount.id), poll).toBe(value);
    }
    await expect.poll(() => cell(page, amount.id).getAttribute('class'), poll).not.toContain('ss-refused');

    await retype(page, amount.id, '0123');
    await page.getByTestId('notice').filter({ hasText: '“0123”以 0 开头' }).waitFor(SLOW);
    await retype(page, amount.id, '110101199058202938');
    await page.getByTestId('notice').filter({ hasText: '超过 15 位数字' }).waitFor(SLOW);
    expect(await serverValue(id, rowId, amount.id)).toBe(123);

    // A paste reads the text the same way and gives the same reason.
    await cell(page, amount.id).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '0123');
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const report = page.getByTestId('paste-report');
    await report.waitFor(SLOW);
    expect(await report.getByTestId('paste-error').first().innerText()).toContain('以 0 开头，是编码而不是数字：请用文本字段保存');
    await page.getByTestId('paste-cancel').click();
    expect(await serverValue(id, rowId, amount.id)).toBe(123);
  });

  test('the message is in English for an English user', async () => {
    const { id, amount, name } = await demoTable();
    const page = await openPage(env.browser, 'typing-en', 'en');
    await page.goto(env.app.url);
    const rowId = await firstRowId(page, amount.id);
    const customer = String(await serverValue(id, rowId, name.id));
    const before = await serverValue(id, rowId, amount.id);
    await retype(page, amount.id, '12 apples');
    const notice = page.getByTestId('notice').filter({ hasText: '"12 apples" is not a number' });
    await notice.waitFor(SLOW);
    expect(await notice.innerText()).toContain(`Row 1 (${customer}), field "销售额"`);
    expect(await serverValue(id, rowId, amount.id)).toBe(before);
    await shot(page, 'typing-en.png');
  });
});
