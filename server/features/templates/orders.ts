// "From transactions": makes (or, applied again, reuses) a customer table with one row per distinct customer
// among the orders and summary formulas (first/last purchase, frequency, monetary, channel) over them.
import { ORDER_INPUTS, renderTransactionSummary, summaryMapping } from '../../../templates';
import type { Template } from '../../../templates';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Field } from '../../../common';
import { createField } from '../fields/fields.service';
import { getTable, getWorkbook, listFields, listTables } from '../meta';
import { freeName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { createTable } from '../tables/tables.service';
import { findLink, saveLink, syncDerived } from '../recompute/derived';
import { recompute } from '../recompute/recompute.service';
import { inputMissing } from './errors';
import type { ApplyBody } from './apply-body';

export async function deriveCustomers(
  trx: Transaction<Database>,
  template: Template,
  body: ApplyBody,
): Promise<{ customerTableId: string; mapping: Record<string, string>; made: Field[]; createdTable: boolean }> {
  const orders = await getTable(trx, body.tableId);
  const wb = await getWorkbook(trx, orders.workbookId);
  const language = wb.language;
  const fields = await listFields(trx, orders.id);
  const names: Record<string, string> = {};
  for (const [key, fieldId] of Object.entries(body.mapping)) {
    const f = fields.find((x) => x.id === fieldId);
    if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId, input: key });
    names[key] = f.name;
  }
  const customerField = fields.find((f) => f.id === body.mapping.customer);
  if (!customerField) throw inputMissing(['customer'], ORDER_INPUTS);
  const made: Field[] = [];
  // The same orders, mapping and condition again: reuse that customer table (another scheme on the same customers).
  const rows = body.rows?.trim() ?? '';
  const existing = await findLink(trx, orders.id, body.mapping, rows);
  if (existing) {
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping: names });
    if (!summary.ok) throw inputMissing(summary.problems.map((p) => p.key ?? ''), ORDER_INPUTS);
    const sm = summaryMapping(template, summary.fields);
    if (!sm.ok) throw inputMissing(sm.missing, template.inputs);
    return { customerTableId: existing.customerTableId, mapping: sm.mapping, made, createdTable: false };
  }
  let sourceFieldId = customerField.id;
  let included: string | undefined;
  if (rows !== '') {
    const helper = await createField(
      trx,
      orders.id,
      { name: freeName('_included', fields.map((f) => f.name)), type: 'formula', formula: `IF(${rows}, {${customerField.name}}, "")`, hidden: true },
      { record: false },
    );
    made.push(helper);
    sourceFieldId = helper.id;
    included = helper.name;
  }
  const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping: names, ...(included ? { includedCustomerField: included } : {}) });
  if (!summary.ok) {
    const missing = summary.problems.filter((p) => p.code === 'TEMPLATE_INPUT_MISSING');
    if (missing.length > 0) throw inputMissing(missing.map((p) => p.key ?? ''), ORDER_INPUTS);
    throw new AppError('BAD_REQUEST', { reason: summary.problems.map((p) => p.message).join('; ') });
  }
  const sm = summaryMapping(template, summary.fields);
  if (!sm.ok) throw inputMissing(sm.missing, template.inputs);
  const taken = (await listTables(trx, wb.id)).map((t) => t.name);
  const tableName = freeName(language === 'en' ? `Customers of ${orders.name}` : `${orders.name}的客户`, taken);
  const customerSpec = summary.fields.find((f) => f.key === 'customer');
  const customerType = customerField.type === 'number' ? 'number' : 'text';
  // createTable and createField write beside the cached columns: the orders' columns, read again by the
  // summary formulas, stay cached.
  const table = await createTable(trx, wb.id, { name: tableName, fields: [] }, { record: false });
  const targetFieldId = (await createField(trx, table.id, { name: customerSpec?.name ?? 'customer', type: customerType }, { record: false })).id;
  await saveLink(trx, { ordersTableId: orders.id, sourceFieldId, customerTableId: table.id, targetFieldId, mapping: body.mapping, rows });
  const collector = new ChangeCollector();
  const customers = await syncDerived(trx, [orders.id], (l) => l.customerTableId === table.id, collector);
  await recompute(trx, wb.id, { rows: customers }, collector);
  for (const f of summary.fields) {
    if (!f.formula) continue;
    await createField(trx, table.id, { name: f.name, type: 'formula', formula: f.formula }, { record: false });
  }
  return { customerTableId: table.id, mapping: sm.mapping, made, createdTable: true };
}
