// Two tabs on one workbook (issue 14): a tab opened before a field was added must not refuse a formula naming it.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, SLOW } from './browser';

interface FieldJson {
  id: string;
  name: string;
  type: string;
}

const poll = { timeout: 30_000, interval: 250 };
const ADDED = '折扣率';

describe('a formula in a tab opened before its field was added', () => {
  const env = appAndBrowser();

  async function firstTableFields(): Promise<FieldJson[]> {
    const workbooks = await env.app.fetchJson<{ id: string }[]>('/api/workbooks');
    const wb = await env.app.fetchJson<{ tables: { id: string }[] }>(`/api/workbooks/${workbooks[0]!.id}`);
    return (await env.app.fetchJson<{ fields: FieldJson[] }>(`/api/tables/${wb.tables[0]!.id}`)).fields;
  }

  async function openApp(name: string): Promise<Page> {
    const page = await openPage(env.browser, name);
    await page.goto(env.app.url);
    await page.getByTestId('grid').locator('.ag-row').first().waitFor(SLOW);
    return page;
  }

  test('the formula check re-reads the fields once and then accepts the name; the new column shows', async () => {
    const later = await openApp('two-tabs-later');
    const first = await openApp('two-tabs-first');

    // The other tab adds a number field.
    await first.getByTestId('add-field').click();
    await first.getByTestId('field-dialog').waitFor(SLOW);
    await first.getByTestId('field-name').fill(ADDED);
    await first.getByTestId('field-type').selectOption('number');
    await first.getByTestId('field-save').click();
    await first.getByTestId('field-dialog').waitFor({ state: 'detached', ...SLOW });
    await expect.poll(async () => (await firstTableFields()).some((f) => f.name === ADDED), poll).toBe(true);

    // This tab never heard of it, and types a formula naming it.
    await later.getByTestId('add-formula').click();
    const dialog = later.getByTestId('field-dialog');
    await dialog.waitFor(SLOW);
    await later.getByTestId('field-name').fill('折后系数');
    await dialog.locator('.cm-content').click();
    await later.keyboard.type(`1-{${ADDED}}`);
    await later.getByTestId('formula-preview').waitFor(SLOW);
    expect(await dialog.getByTestId('formula-errors').count()).toBe(0);
    await later.getByTestId('field-save').click();
    await dialog.waitFor({ state: 'detached', ...SLOW });

    const fields = await firstTableFields();
    expect(fields.find((f) => f.name === '折后系数')?.type).toBe('formula');
    await later.locator('.ag-header-cell', { hasText: ADDED }).first().waitFor(SLOW);

    // A name that exists nowhere is still refused, with its message, after the one look.
    await later.getByTestId('add-formula').click();
    await dialog.waitFor(SLOW);
    await dialog.locator('.cm-content').click();
    await later.keyboard.type('{没有这个字段}+1');
    await expect.poll(() => dialog.getByTestId('formula-errors').innerText().catch(() => ''), poll).toContain('没有这个字段');
  });
});
