import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appAndBrowser, openPage, SLOW } from './browser';

type CellJson = string | number | boolean | null | { error: string };
interface FieldJson {
  id: string;
  name: string;
  type: string;
  formula?: string | null;
}
interface RowsAnswer {
  rows: { id: string; cells: Record<string, CellJson> }[];
  total: number;
}
interface WorkbookAnswer {
  tables: { id: string; name: string }[];
}

const TABLE = '客户清单';
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];
/** Row i (0-based): a Chinese customer name and a sale; rows 0–9 (500…9500) are below 10000 (低), rows 10–29 (10500…29500) at or above (高). */
const ROWS = Array.from({ length: 30 }, (_, i) => ({
  name: `${NAMES[i % NAMES.length]}（${String(i + 1).padStart(2, '0')}号客户）`,
  sales: (i + 1) * 1000 - 500,
}));
const TSV = ROWS.map((r) => `${r.name}\t${r.sales}`).join('\r\n') + '\r\n';
const FORMULA = 'IFS({销售额}>=10000，"高"，TRUE，"低")';

const poll = { timeout: 30_000, interval: 250 };

describe("the clerk's day", () => {
  const env = appAndBrowser();

  async function workbookId(): Promise<string> {
    const answer = await env.app.fetchJson<{ id: string }[] | { workbooks: { id: string }[] }>('/api/workbooks');
    const list = Array.isArray(answer) ? answer : answer.workbooks;
    return list[0]!.id;
  }
  async function tableId(): Promise<string | undefined> {
    const wb = await env.app.fetchJson<WorkbookAnswer>(`/api/workbooks/${await workbookId()}`);
    return wb.tables.find((t) => t.name === TABLE)?.id;
  }
  async function fields(id: string): Promise<FieldJson[]> {
    const t = await env.app.fetchJson<{ fields?: FieldJson[]; table?: { fields?: FieldJson[] } }>(`/api/tables/${id}`);
    return t.fields ?? t.table?.fields ?? [];
  }
  async function rows(id: string): Promise<RowsAnswer> {
    return env.app.fetchJson<RowsAnswer>(`/api/tables/${id}/rows?limit=100`);
  }

  async function addField(page: Page, name: string, type: string): Promise<void> {
    await page.getByTestId('add-field').click();
    const dialog = page.getByTestId('field-dialog');
    await dialog.waitFor(SLOW);
    await page.getByTestId('field-name').fill(name);
    await page.getByTestId('field-type').selectOption(type);
    await page.getByTestId('field-save').click();
    await dialog.waitFor({ state: 'detached', ...SLOW });
    await page.locator(`.ag-header-cell`, { hasText: name }).first().waitFor(SLOW);
  }

  /** The cell of a field in the grid row showing the given customer (the name column may sit in another row container). */
  function cellOf(page: Page, nameFieldId: string, customer: string, fieldId: string) {
    return {
      async rowIndex(): Promise<string> {
        const nameCell = page.getByTestId('grid').locator(`.ag-row [col-id="${nameFieldId}"]`).filter({ hasText: customer }).first();
        await nameCell.waitFor(SLOW);
        const index = await nameCell.evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index') ?? null);
        if (index === null) throw new Error(`no grid row shows ${customer}`);
        return index;
      },
      async locator() {
        return page.getByTestId('grid').locator(`.ag-row[row-index="${await this.rowIndex()}"] [col-id="${fieldId}"]`).first();
      },
      /** The cell's shown text, '' while it is not rendered. */
      async text(selector?: string): Promise<string> {
        const cell = await this.locator();
        const target = selector ? cell.locator(selector).first() : cell;
        return (await target.count()) > 0 ? (await target.innerText()).trim() : '';
      },
    };
  }

  test('create a table, add fields, paste 30 rows, formula and wizard tiers, edit, undo, filter, English, export CSV', async () => {
    const page = await openPage(env.browser, 'clerk-day');
    await page.goto(env.app.url);
    const grid = page.getByTestId('grid');
    await grid.locator('.ag-row').first().waitFor(SLOW);

    // 1. A new table, named in the prompt.
    await page.getByTestId('add-table').click();
    await page.getByTestId('prompt-input').fill(TABLE);
    await page.getByTestId('prompt-ok').click();
    await page.getByTestId('table-tab').filter({ hasText: TABLE }).waitFor(SLOW);
    // The new table is the open one before any field is added (else the fields would land in the demo table).
    await expect.poll(() => page.locator('li.active [data-testid="table-tab"]').innerText().catch(() => ''), poll).toContain(TABLE);
    await expect.poll(() => page.getByTestId('row-count').innerText(), poll).toBe('0 行');
    await expect.poll(tableId, poll).toBeDefined();
    const id = (await tableId())!;

    // 2. Its fields: text 客户名称, number 销售额.
    await addField(page, '客户名称', 'text');
    await addField(page, '销售额', 'number');
    await expect.poll(async () => (await fields(id)).map((f) => `${f.name}:${f.type}`), poll).toEqual(
      expect.arrayContaining(['客户名称:text', '销售额:number']),
    );
    const all = await fields(id);
    const nameField = all.find((f) => f.name === '客户名称')!;
    const salesField = all.find((f) => f.name === '销售额')!;
    // Paste starts in the first displayed column: the test relies on 客户名称 coming first.
    const headers = await grid.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')));
    const userCols = headers.filter((c) => c === nameField.id || c === salesField.id);
    expect(userCols).toEqual([nameField.id, salesField.id]);
    const before = (await rows(id)).total;

    // 3. Paste 30 rows of TSV copied from a spreadsheet.
    // The empty grid's body: focus stays with the grid (no cell yet), so the paste starts at the first row and column.
    await grid.click({ position: { x: 400, y: 300 } });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, TSV);
    await expect.poll(async () => (await rows(id)).total, poll).toBe(before + 30);
    const pasted = await rows(id);
    const byName = new Map(pasted.rows.map((r) => [r.cells[nameField.id], r]));
    for (const r of ROWS) expect(byName.get(r.name)?.cells[salesField.id], r.name).toBe(r.sales);
    await grid.getByText(ROWS[0]!.name, { exact: true }).waitFor(SLOW);

    // 4. A formula field typed with full-width commas; its values show as chips.
    await page.getByTestId('add-formula').click();
    const dialog = page.getByTestId('field-dialog');
    await dialog.waitFor(SLOW);
    await page.getByTestId('field-name').fill('等级');
    const editor = dialog.locator('.cm-content');
    await editor.click();
    await page.keyboard.type(FORMULA);
    await expect.poll(() => editor.innerText(), poll).toBe(FORMULA);
    await page.getByTestId('formula-preview').waitFor(SLOW);
    await page.getByTestId('field-save').click();
    await dialog.waitFor({ state: 'detached', ...SLOW });
    await expect.poll(async () => (await fields(id)).find((f) => f.name === '等级')?.type, poll).toBe('formula');
    const tier = (await fields(id)).find((f) => f.name === '等级')!;
    await expect.poll(async () => (await rows(id)).rows.map((r) => r.cells[tier.id]).filter((v) => v === '高').length, poll).toBe(20);
    const low = ROWS[2]!; // 2500 → 低
    const lowTier = cellOf(page, nameField.id, low.name, tier.id);
    await expect.poll(() => lowTier.text('.chip'), poll).toBe('低');
    await expect.poll(() => cellOf(page, nameField.id, ROWS[20]!.name, tier.id).text('.chip'), poll).toBe('高');

    // 4b. A value tier built with the grouping wizard: thresholds 20000 / 10000 on 销售额.
    await page.getByTestId('open-wizard').click();
    await page.getByTestId('wizard').waitFor(SLOW);
    await page.getByTestId('wizard-field').selectOption(salesField.id);
    await page.getByTestId('wizard-method-thresholds').check();
    const thresholds = page.getByTestId('wizard-threshold');
    await expect.poll(() => thresholds.count(), poll).toBe(2);
    await thresholds.nth(0).fill('20000');
    await thresholds.nth(1).fill('10000');
    const labelInputs = page.getByTestId('wizard-label');
    const topLabel = await labelInputs.nth(0).inputValue();
    const midLabel = await labelInputs.nth(1).inputValue();
    const elseLabel = await page.getByTestId('wizard-else').inputValue();
    expect(new Set([topLabel, midLabel, elseLabel]).size).toBe(3);
    await page.getByTestId('wizard-name').fill('价值分层');
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('wizard').waitFor({ state: 'detached', ...SLOW });
    await expect.poll(async () => (await fields(id)).find((f) => f.name === '价值分层')?.type, poll).toBe('formula');
    const valueTier = (await fields(id)).find((f) => f.name === '价值分层')!;
    const tally = async () => {
      const counts: Record<string, number> = {};
      for (const r of (await rows(id)).rows) counts[String(r.cells[valueTier.id])] = (counts[String(r.cells[valueTier.id])] ?? 0) + 1;
      return counts;
    };
    // 500…9500 → else, 10500…19500 → mid, 20500…29500 → top: ten each.
    await expect.poll(tally, poll).toEqual({ [topLabel]: 10, [midLabel]: 10, [elseLabel]: 10 });
    await expect.poll(() => cellOf(page, nameField.id, ROWS[12]!.name, valueTier.id).text('.chip'), poll).toBe(midLabel);
    await expect.poll(() => cellOf(page, nameField.id, ROWS[2]!.name, valueTier.id).text('.chip'), poll).toBe(elseLabel);

    // 5. Edit the sale so the tier changes.
    const salesCell = cellOf(page, nameField.id, low.name, salesField.id);
    await (await salesCell.locator()).dblclick();
    const input = grid.locator('.ag-cell-inline-editing input').first();
    await input.waitFor(SLOW);
    await input.fill('12000');
    await input.press('Enter');
    await expect.poll(() => lowTier.text('.chip'), poll).toBe('高');
    await expect.poll(() => cellOf(page, nameField.id, low.name, valueTier.id).text('.chip'), poll).toBe(midLabel);
    const rowOf = async () => (await rows(id)).rows.find((r) => r.cells[nameField.id] === low.name)!;
    await expect.poll(async () => (await rowOf()).cells[salesField.id], poll).toBe(12000);

    // 6. Undo: the sale and its tier come back.
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await rowOf()).cells[salesField.id], poll).toBe(low.sales);
    await expect.poll(() => lowTier.text('.chip'), poll).toBe('低');
    await expect.poll(() => cellOf(page, nameField.id, low.name, valueTier.id).text('.chip'), poll).toBe(elseLabel);
    await expect.poll(() => salesCell.text(), poll).toBe(low.sales.toLocaleString('en-US'));

    // 6b. Filter by a group: only the 高 rows stay (20 of 30), then the filter is cleared again.
    await grid.locator(`.ag-header-cell[col-id="${tier.id}"] .ag-header-cell-filter-button`).click();
    const groupFilter = page.getByTestId('group-filter');
    await groupFilter.waitFor(SLOW);
    await groupFilter.locator('label', { hasText: '高' }).locator('input[type="checkbox"]').check();
    await expect.poll(() => page.getByTestId('row-count').innerText(), poll).toBe('20 / 30 行（已筛选）');
    await expect.poll(() => grid.locator(`.ag-row [col-id="${tier.id}"] .chip`).allInnerTexts(), poll).not.toContain('低');
    expect(await grid.locator(`.ag-row [col-id="${tier.id}"] .chip`).allInnerTexts()).toContain('高');
    await groupFilter.locator('label', { hasText: '高' }).locator('input[type="checkbox"]').uncheck();
    await expect.poll(() => page.getByTestId('row-count').innerText(), poll).toBe('30 行');
    await page.keyboard.press('Escape');
    await groupFilter.waitFor({ state: 'hidden', ...SLOW });

    // 7. English.
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('undo').innerText(), poll).toContain('Undo');
    await expect.poll(() => page.getByTestId('add-table').innerText(), poll).toContain('New table');
    await expect.poll(() => page.getByTestId('add-field').innerText(), poll).toContain('Field');

    // 8. CSV export from the toolbar (English menu): a UTF-8 BOM, Chinese headers and values, the tiers.
    await page.getByTestId('export').click();
    await expect.poll(() => page.getByTestId('export-csv').innerText(), poll).toBe('Whole table as CSV');
    const [download] = await Promise.all([page.waitForEvent('download', SLOW), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`${TABLE}.csv`);
    const downloaded = await download.path();
    const bytes = new Uint8Array(await readFile(downloaded));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The same file straight from the API route.
    const response = await fetch(`${env.app.url}/api/tables/${id}/export?format=csv`);
    expect(response.ok).toBe(true);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const csv = new TextDecoder('utf-8').decode(bytes.slice(3));
    const lines = csv.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toContain('客户名称');
    expect(lines[0]).toContain('销售额');
    expect(lines[0]).toContain('等级');
    expect(lines.length).toBe(1 + before + 30);
    const lowLine = lines.find((l) => l.includes(low.name))!;
    expect(lowLine).toContain(String(low.sales));
    expect(lowLine).toContain('低');
    expect(lines.find((l) => l.includes(ROWS[29]!.name))).toContain('高');
  });

  test('import a GBK-encoded CSV as a new table', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-gbk-'));
    try {
      const file = path.join(dir, '门店客户.csv');
      const csv = '客户名称,城市,销售额\r\n' + ROWS.slice(0, 5).map((r, i) => `${r.name},${['北京', '上海', '广州', '深圳', '杭州'][i]},${r.sales}`).join('\r\n') + '\r\n';
      const bytes = iconv.encode(csv, 'gbk');
      expect(bytes.includes(Buffer.from('客户', 'utf8')), 'the file is really not UTF-8').toBe(false);
      await writeFile(file, bytes);

      const page = await openPage(env.browser, 'clerk-day-gbk');
      await page.goto(env.app.url);
      await page.getByTestId('import').click(SLOW);
      await page.getByTestId('import-dialog').waitFor(SLOW);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-commit').waitFor(SLOW);
      const dialog = page.getByTestId('import-dialog');
      // The preview decodes the file: Chinese headers and values, not mojibake.
      await expect.poll(() => dialog.innerText(), poll).toContain('广州');
      expect(await dialog.innerText()).toContain('客户名称');
      await page.getByTestId('import-mode-new').check();
      await page.getByTestId('import-name').fill('GBK导入');
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-result').waitFor(SLOW);

      const wb = await env.app.fetchJson<WorkbookAnswer>(`/api/workbooks/${await workbookId()}`);
      const imported = wb.tables.find((t) => t.name === 'GBK导入');
      expect(imported, 'the imported table').toBeDefined();
      const importedFields = await fields(imported!.id);
      expect(importedFields.map((f) => f.name)).toEqual(expect.arrayContaining(['客户名称', '城市', '销售额']));
      const city = importedFields.find((f) => f.name === '城市')!;
      const name = importedFields.find((f) => f.name === '客户名称')!;
      const answer = await rows(imported!.id);
      expect(answer.total).toBe(5);
      expect(answer.rows.map((r) => r.cells[city.id])).toEqual(expect.arrayContaining(['北京', '上海', '广州', '深圳', '杭州']));
      expect(answer.rows.map((r) => r.cells[name.id])).toContain(ROWS[0]!.name);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
