// POST /api/templates/:id/workbooks: a new workbook with the template's sample data, outputs and charts
// (the apply's recommended charts, saved as the new workbook's dashboard).
import { pick, templateSample } from '../../../templates';
import type { Executor } from '../../db/database';
import { MAX_BATCH_ROWS } from '../../../common';
import type { CellInput, Language, Workbook } from '../../../common';
import { saveDashboard } from '../dashboards/dashboards.service';
import { insertRowsService } from '../rows/rows.service';
import { createTable } from '../tables/tables.service';
import { createWorkbook, readWorkbook } from '../workbooks/workbooks.service';
import { applyTemplate, requireTemplate } from './templates.service';
import { transact } from '../recompute/column-cache';

export async function workbookFromTemplate(db: Executor, templateId: string, body: { language?: Language | undefined; rows?: number | undefined }, fallback: Language): Promise<Workbook> {
  const template = requireTemplate(templateId);
  const language = body.language ?? fallback;
  const sample = templateSample(template, { language, ...(body.rows !== undefined ? { customers: body.rows } : {}) });
  return transact(db, async (trx) => {
    const wb = await createWorkbook(trx, { name: pick(template.name, language), language, asOf: sample.asOf });
    const table = await createTable(trx, wb.id, { name: sample.table.name, fields: sample.table.fields }, { record: false });
    const idOf = new Map(table.fields.map((f) => [f.name, f.id]));
    const rows = sample.table.rows.map((r) => {
      const cells: Record<string, CellInput> = {};
      for (const [name, value] of Object.entries(r)) {
        const id = idOf.get(name);
        if (id) cells[id] = value;
      }
      return { cells };
    });
    for (let i = 0; i < rows.length; i += MAX_BATCH_ROWS) await insertRowsService(trx, table.id, rows.slice(i, i + MAX_BATCH_ROWS));
    const mapping: Record<string, string> = {};
    for (const [input, name] of Object.entries(sample.mapping)) {
      const id = idOf.get(name);
      if (id) mapping[input] = id;
    }
    const fromOrders = template.sample.generator === 'orders';
    const applied = await applyTemplate(trx, templateId, { tableId: table.id, mapping, ...(fromOrders ? { source: 'transactions' as const } : {}) });
    await saveDashboard(trx, wb.id, { charts: applied.charts });
    await trx.deleteFrom('operations').where('workbook_id', '=', wb.id).execute();
    return readWorkbook(trx, wb.id);
  });
}

