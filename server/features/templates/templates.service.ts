// Templates: the catalogue of templates/, and applying a scheme to a table (its outputs become formula fields).
import { asOfHint, countedGroups, countGroups, dateInputs, getTemplate, outputNameConflicts, renderTemplate } from '../../../templates';
import type { Template } from '../../../templates';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../../db/database';
import { transact } from '../recompute/column-cache';
import { AppError, notFound } from '../../http/app-error';
import type { Field, TemplateApplyResult } from '../../../common';
import type { ApplyBody } from './apply-body';
import { deriveCustomers } from './orders';
import { inputMissing } from './errors';
import { tableToDto } from '../dto';
import { createField } from '../fields/fields.service';
import { getTable, getWorkbook, listFields } from '../meta';
import { readRows } from '../rows/rows.repository';
import { recordOperation } from '../history/record-operation';
import { readDashboard } from '../dashboards/dashboards.service';
import { recommendedCharts, rowBelow } from './recommended-charts';
import type { Operation } from '../history/operation';
import { todayIso } from '../recompute/recompute.service';
import { newestDate } from './newest-date';

export type ApplyResult = TemplateApplyResult;

export function requireTemplate(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw notFound('template', id);
  return t;
}

/** Thrown inside the transaction of a dry run to roll it back with its answer. */
class DryRun extends Error {
  constructor(readonly result: ApplyResult) {
    super('dry run');
  }
}

/** Renders the template for a table (mapping: inputKey → field NAME) and makes its output fields in order. */
async function applyToTable(
  trx: Transaction<Database>,
  template: Template,
  tableId: string,
  mapping: Record<string, string>,
  body: ApplyBody,
): Promise<ApplyResult> {
  const table = await getTable(trx, tableId);
  const wb = await getWorkbook(trx, table.workbookId);
  const language = wb.language;
  const fields = await listFields(trx, table.id);
  const { conflicts, renamed } = outputNameConflicts(template, language, fields.map((f) => f.name));
  if (conflicts.length > 0 && body.onConflict !== 'rename') {
    throw new AppError('TEMPLATE_FIELD_EXISTS', { outputs: conflicts, names: conflicts.map((k) => template.outputs.find((o) => o.key === k)?.name[language === 'en' ? 'en' : 'zh'] ?? k) });
  }
  const rendered = renderTemplate(template, {
    language,
    mapping,
    ...(body.parameters ? { parameters: body.parameters } : {}),
    ...(conflicts.length > 0 ? { outputNames: renamed } : {}),
  });
  if (!rendered.ok) {
    const missing = rendered.problems.filter((p) => p.code === 'TEMPLATE_INPUT_MISSING');
    const problems = rendered.problems.map((p) => ({ code: p.code, key: p.key ?? null, message: p.message }));
    if (missing.length > 0) throw inputMissing(missing.map((p) => p.key ?? ''), template.inputs, { problems });
    const invalidName = rendered.problems.find((p) => p.code === 'INVALID_NAME');
    if (invalidName) throw new AppError('INVALID_NAME', { name: invalidName.key ?? '', reason: 'brackets', problems });
    throw new AppError('BAD_REQUEST', { reason: rendered.problems.map((p) => p.message).join('; '), problems });
  }
  const made: Field[] = [];
  const outputFields = new Map<string, string>();
  const groups: ApplyResult['groups'] = {};
  for (const output of rendered.outputs) {
    const field = await createField(
      trx,
      table.id,
      {
        name: output.name,
        type: 'formula',
        formula: output.formula,
        ...(output.groups ? { groups: output.groups.map((g) => ({ value: g.value, color: g.color, description: g.description, action: g.action })) } : {}),
        ...(output.description ? { description: output.description } : {}),
        ...(output.format ? { format: output.format } : {}),
      },
      { record: false },
    );
    made.push(field);
    outputFields.set(output.key, field.id);
    if (countedGroups(output)) {
      const metas = await listFields(trx, table.id);
      const meta = metas.find((m) => m.id === field.id);
      const values = meta ? (await readRows(trx, table.id, [meta], {})).map((r) => r.cells[field.id] ?? null) : [];
      groups[output.key] = countGroups(output, values).groups?.map((g) => ({ ...g })) ?? [];
    }
  }
  // A dry run's fields are rolled back: no charts to recommend over them.
  let charts: ApplyResult['charts'] = [];
  if (!body.dryRun) {
    const inputFields = new Map<string, string>();
    for (const [key, name] of Object.entries(mapping)) {
      const id = fields.find((f) => f.name === name)?.id;
      if (id) inputFields.set(key, id);
    }
    const dashboard = await readDashboard(trx, wb.id);
    charts = recommendedCharts(template, {
      tableId: table.id,
      language,
      outputs: outputFields,
      inputs: inputFields,
      takenIds: dashboard.charts.map((c) => c.id),
      firstRow: rowBelow(dashboard.charts),
    });
  }
  const dated = dateInputs(template).flatMap((key) => fields.filter((f) => f.name === mapping[key]));
  const hint = asOfHint(template, rendered.parameters, await newestDate(trx, table.id, dated), wb.asOf ?? todayIso());
  return { table: await tableToDto(trx, table), fields: made, groups, charts, asOfHint: hint };
}

/**
 * Redo and undo of an apply. A customer table made by "from transactions" goes to the trash as a whole (with its
 * summary and output fields) and comes back as a whole; on a table that already existed only the outputs go.
 */
function applyOperations(orderFields: Field[], outputs: Field[], createdTable: string | undefined): { forward: Operation; inverse: Operation } {
  const restore = (f: Field): Operation => ({ kind: 'field.restore', fieldId: f.id });
  const trash = (f: Field): Operation => ({ kind: 'field.trash', fieldId: f.id });
  if (createdTable !== undefined) {
    return {
      forward: { kind: 'batch', ops: [...orderFields.map(restore), { kind: 'table.restore', tableId: createdTable }] },
      inverse: { kind: 'batch', ops: [{ kind: 'table.trash', tableId: createdTable }, ...[...orderFields].reverse().map(trash)] },
    };
  }
  const made = [...orderFields, ...outputs];
  return { forward: { kind: 'batch', ops: made.map(restore) }, inverse: { kind: 'batch', ops: [...made].reverse().map(trash) } };
}

export async function applyTemplate(db: Executor, templateId: string, body: ApplyBody): Promise<ApplyResult> {
  const template = requireTemplate(templateId);
  try {
    return await transact(db, async (trx) => {
      let result: ApplyResult;
      let extra: Field[] = [];
      let createdTable: string | undefined;
      if (body.source === 'transactions') {
        const derived = await deriveCustomers(trx, template, body);
        result = await applyToTable(trx, template, derived.customerTableId, derived.mapping, body);
        extra = derived.made;
        if (derived.createdTable) createdTable = derived.customerTableId;
      } else {
        const fields = await listFields(trx, (await getTable(trx, body.tableId)).id);
        const mapping: Record<string, string> = {};
        for (const [key, fieldId] of Object.entries(body.mapping)) {
          const f = fields.find((x) => x.id === fieldId);
          if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId, input: key });
          mapping[key] = f.name;
        }
        result = await applyToTable(trx, template, body.tableId, mapping, body);
      }
      if (body.dryRun) throw new DryRun(result);
      const { forward, inverse } = applyOperations(extra, result.fields, createdTable);
      await recordOperation(
        trx,
        result.table.workbookId,
        { en: `Apply template ${template.name.en}`, zh: `应用模板“${template.name.zh}”` },
        forward,
        inverse,
      );
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
