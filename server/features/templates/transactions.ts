// "From transactions": makes (or, applied again, reuses) a customer table with one row per distinct customer
// among the orders and summary formulas (first/last purchase, frequency, monetary, channel) over them.
import { renderTransactionSummary, summaryMapping } from '../../../templates';
import type { Template } from '../../../templates';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { Field } from '../../wire';
import { createField } from '../fields/fields.service';
import { findTable, getTable, getWorkbook, listFields, listTables } from '../meta';
import { freeName } from '../names';
import { ChangeCollector } from '../recompute/changes';
import { createTable } from '../tables/tables.service';
import { readLink, saveLink, syncDerived } from './derived';
import { applyDelete, applyInsert } from '../rows/rows.service';
import type { ApplyBody } from './templates.service';

export async function deriveCustomers(
  trx: Transaction<Database>,
  template: Template,
  body: ApplyBody,
): Promise<{ customerTableId: string; mapping: Record<string, string>; made: Field[] }> {
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
  if (!customerField) throw new AppError('TEMPLATE_INPUT_MISSING', { inputs: 'customer' });
  const made: Field[] = [];
  const existing = await readLink(trx, orders.id);
  if (existing && (await findTable(trx, existing.customerTableId))) {
    const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping: names });
    if (!summary.ok) throw new AppError('TEMPLATE_INPUT_MISSING', { inputs: summary.problems.map((p) => p.key ?? '').join(', ') });
    const sm = summaryMapping(template, summary.fields);
    if (!sm.ok) throw new AppError('TEMPLATE_INPUT_MISSING', { inputs: sm.missing.join(', ') });
    return { customerTableId: existing.customerTableId, mapping: sm.mapping, made };
  }
  let sourceFieldId = customerField.id;
  let included: string | undefined;
  if (body.rows !== undefined && body.rows.trim() !== '') {
    const helper = await createField(
      trx,
      orders.id,
      { name: freeName('_included', fields.map((f) => f.name)), type: 'formula', formula: `IF(${body.rows}, {${customerField.name}}, "")`, hidden: true },
      { record: false },
    );
    made.push(helper);
    sourceFieldId = helper.id;
    included = helper.name;
  }
  const summary = renderTransactionSummary({ language, ordersTable: orders.name, mapping: names, ...(included ? { includedCustomerField: included } : {}) });
  if (!summary.ok) {
    const missing = summary.problems.filter((p) => p.code === 'TEMPLATE_INPUT_MISSING');
    if (missing.length > 0) throw new AppError('TEMPLATE_INPUT_MISSING', { inputs: missing.map((p) => p.key ?? '').join(', ') });
    throw new AppError('BAD_REQUEST', { reason: summary.problems.map((p) => p.message).join('; ') });
  }
  const sm = summaryMapping(template, summary.fields);
  if (!sm.ok) throw new AppError('TEMPLATE_INPUT_MISSING', { inputs: sm.missing.join(', ') });
  const taken = (await listTables(trx, wb.id)).map((t) => t.name);
  const tableName = freeName(language === 'en' ? `Customers of ${orders.name}` : `${orders.name}的客户`, taken);
  const customerSpec = summary.fields.find((f) => f.key === 'customer');
  const customerType = customerField.type === 'number' ? 'number' : 'text';
  const table = await createTable(trx, wb.id, { name: tableName, fields: [{ name: customerSpec?.name ?? 'customer', type: customerType }] }, { record: false });
  const targetFieldId = table.fields[0]?.id ?? '';
  await saveLink(trx, { ordersTableId: orders.id, sourceFieldId, customerTableId: table.id, targetFieldId });
  await syncDerived(trx, orders.id, new ChangeCollector(), { insert: applyInsert, remove: applyDelete });
  for (const f of summary.fields) {
    if (!f.formula) continue;
    await createField(trx, table.id, { name: f.name, type: 'formula', formula: f.formula }, { record: false });
  }
  return { customerTableId: table.id, mapping: sm.mapping, made };
}
