// Formula cells written in runs (one UPDATE over json_each) and row by row must read back alike: numbers to the
// last bit, text, booleans, errors, text where LEFT cut an emoji in half (stored with U+FFFD for the half, as toCellValue answers it), on consecutive and on scattered row ids.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, openHarness } from '../../test/harness';
import type { Harness } from '../../test/harness';
import type { Field, RowsInsertResult, RowsPage, Table, Workbook } from '../../../common';

let h: Harness;
let table: Table;
let ids: string[];
const ROWS = 300;
const text = (i: number): string => (i % 11 === 0 ? `pair \u{1F600} ${i}` : `t${i}`);

async function column(field: string): Promise<Map<string, unknown>> {
  const page = as<RowsPage>((await h.request('GET', `/api/tables/${table.id}/rows?limit=1000`)).json);
  return new Map(page.rows.map((r) => [r.id, r.cells[field]]));
}

async function addFormula(name: string, formula: string): Promise<string> {
  return as<Field>((await h.request('POST', `/api/tables/${table.id}/fields`, { name, type: 'formula', formula })).json).id;
}

beforeEach(async () => {
  h = await openHarness();
  const wb = as<Workbook>((await h.request('POST', '/api/workbooks', { name: 'W' })).json);
  const fields = [
    { name: 'n', type: 'number' },
    { name: 's', type: 'text' },
  ];
  table = as<Table>((await h.request('POST', `/api/workbooks/${wb.id}/tables`, { name: 'T', fields })).json);
  const [n, s] = table.fields.map((f) => f.id);
  const rows = Array.from({ length: ROWS }, (_, i) => ({ cells: { [n ?? '']: i, [s ?? '']: text(i) } }));
  ids = as<RowsInsertResult>((await h.request('POST', `/api/tables/${table.id}/rows`, { rows })).json).rows.map((r) => r.id);
});
afterEach(async () => {
  await h.close();
});

/** What the mixed formula gives for n = i: an error, a boolean, the text's first 6 UTF-16 units, or n / 7 (not exact in binary). */
function expected(i: number, s: unknown): unknown {
  if (i % 13 === 0) return { error: '#DIV/0!', message: expect.stringMatching(/\S/) as unknown };
  if (i % 5 === 0) return i > 100;
  if (i % 3 === 0) return String(s).slice(0, 6).replace(/\p{Cs}/gu, '\uFFFD');
  return i / 7;
}

describe('formula write-back', () => {
  it('stores every kind of cell exactly, on consecutive and on scattered rows', async () => {
    const [, s] = table.fields.map((f) => f.id);
    const formula = 'IF(MOD({n},13)=0,1/0,IF(MOD({n},5)=0,{n}>100,IF(MOD({n},3)=0,LEFT({s},6),{n}/7)))';
    const first = await addFormula('mixed', formula);
    const texts = await column(s ?? '');
    const got = await column(first);
    ids.forEach((id, i) => expect(got.get(id), `row ${i}`).toEqual(expected(i, texts.get(id))));

    // Scattered ids: every third row deleted, then a new field over what is left.
    const gone = ids.filter((_, i) => i % 3 === 1);
    await h.request('DELETE', `/api/tables/${table.id}/rows`, { ids: gone });
    const second = await addFormula('mixed again', formula);
    const again = await column(second);
    ids.forEach((id, i) => {
      if (i % 3 === 1) expect(again.has(id)).toBe(false);
      else expect(again.get(id), `row ${i}`).toEqual(expected(i, texts.get(id)));
    });
  });
});
