// POST /api/templates/:id/workbooks: a new workbook with the template's sample data, outputs and charts.
import { pick, templateSample } from '../../../templates';
import type { Template } from '../../../templates';
import type { Executor } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { MAX_BATCH_ROWS } from '../../wire';
import type { CellInput, Chart, Language, Workbook } from '../../wire';
import { saveDashboard } from '../dashboards/dashboards.routes';
import { listFields } from '../meta';
import { insertRowsService } from '../rows/rows.service';
import { createTable } from '../tables/tables.service';
import { createWorkbook, readWorkbook } from '../workbooks/workbooks.service';
import { applyTemplate, requireTemplate } from './templates.service';

export async function workbookFromTemplate(db: Executor, templateId: string, body: { language?: Language | undefined; rows?: number | undefined }, fallback: Language): Promise<Workbook> {
  const template = requireTemplate(templateId);
  const language = body.language ?? fallback;
  const sample = templateSample(template, { language, ...(body.rows !== undefined ? { customers: body.rows } : {}) });
  return inTransaction(db, async (trx) => {
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
    // Charts: "output:key" → the output's field (by its name), "input:key" → the mapped field.
    const target = applied.table;
    const targetFields = await listFields(trx, target.id);
    const fieldOf = (ref: string | undefined): string | undefined => {
      if (!ref) return undefined;
      const [kind, key] = ref.split(':');
      if (kind === 'output') {
        const out = template.outputs.find((o) => o.key === key);
        return out ? targetFields.find((f) => f.name === pick(out.name, language))?.id : undefined;
      }
      const name = fromOrders ? undefined : sample.mapping[key ?? ''];
      return name ? targetFields.find((f) => f.name === name)?.id : undefined;
    };
    const charts: Chart[] = [];
    template.charts.forEach((c, i) => {
      const x = fieldOf(c.x);
      if (!x) return;
      const y = fieldOf(c.y);
      const measureField = fieldOf(c.measure?.field);
      const op = c.measure?.op;
      charts.push({
        id: c.key,
        tableId: target.id,
        kind: dashboardKind(c.kind),
        title: pick(c.title, language),
        fields: y ? [x, y] : [x],
        ...(op && op !== 'count' && measureField ? { measures: [{ op, fieldId: measureField }] } : {}),
        // The dashboard grid is 4 columns wide (web/charts/dashboard-layout.ts): two charts a row, wide ones alone.
        place: { x: 0, y: i, w: c.kind === 'heatmap' || c.kind === 'pareto' ? 4 : 2, h: 1 },
      });
    });
    await saveDashboard(trx, wb.id, { charts });
    await trx.deleteFrom('operations').where('workbook_id', '=', wb.id).execute();
    return readWorkbook(trx, wb.id);
  });
}

/** The dashboard's chart kinds (web/charts/spec.ts) for a template's recommended chart kinds. */
function dashboardKind(kind: Template['charts'][number]['kind']): string {
  switch (kind) {
    case 'pie': return 'donut';
    case 'heatmap': case 'scatter': return 'crosstab';
    case 'bar': case 'donut': case 'pareto': case 'treemap': case 'histogram': return kind;
  }
}
