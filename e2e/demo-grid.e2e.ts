import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage } from './browser';

interface WorkbookAnswer {
  tables: { id: string; name: string }[];
}
type CellJson = string | number | boolean | null | { error: string };
interface RowsAnswer {
  rows: { id: string; cells: Record<string, CellJson> }[];
  total: number;
}

describe('first screen', () => {
  const env = appAndBrowser();

  test('the started app shows the demo table rows in the grid', async () => {
    const workbooks = await env.app.fetchJson<{ id: string }[] | { workbooks: { id: string }[] }>('/api/workbooks');
    const list = Array.isArray(workbooks) ? workbooks : workbooks.workbooks;
    expect(list.length).toBeGreaterThan(0);
    const workbook = await env.app.fetchJson<WorkbookAnswer>(`/api/workbooks/${list[0]!.id}`);
    const table = workbook.tables[0]!;
    const firstRows = await env.app.fetchJson<RowsAnswer>(`/api/tables/${table.id}/rows?limit=5`);
    expect(firstRows.total).toBeGreaterThan(0);
    const someText = Object.values(firstRows.rows[0]!.cells).find(
      (value): value is string => typeof value === 'string' && value.length > 1 && !/^\d{4}-\d\d-\d\d$/.test(value),
    );
    expect(someText, 'the demo table has a text cell to look for').toBeDefined();

    const page = await openPage(env.browser, 'demo-grid');
    await page.goto(env.app.url);
    const grid = page.getByTestId('grid');
    await grid.locator('.ag-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => grid.locator('.ag-row').count()).toBeGreaterThan(1);
    await grid.getByText(someText!, { exact: true }).first().waitFor({ timeout: 10_000 });
    const tabs = await page.getByTestId('table-tab').allInnerTexts();
    expect(tabs.join(' ')).toContain(table.name);
  });
});
