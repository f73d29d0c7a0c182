// What a saved dashboard must hold beyond its shape (common/wire DashboardSchema: kinds, places, unique ids): each
// chart's table is one of the workbook's, its fields, measure fields and label field are that table's, its bins
// what a histogram takes, its filter one the rows could use. Tables and fields in the trash count: their charts
// come back with them, and a dashboard must stay savable while they are away.
import type { Executor } from '../../db/database';
import { AppError, errorMessage } from '../../http/app-error';
import { invalidInput } from '../../http/validate';
import type { Issue } from '../../http/validate';
import { MAX_HISTOGRAM_BINS as MAX_BINS } from '../../../common';
import type { Chart, Dashboard } from '../../../common';
import { listFieldsWithTrashed } from '../meta';
import type { FieldMeta } from '../meta';
import { filterSql } from '../rows/row-query';

function chartIssues(chart: Chart, at: string, fields: readonly FieldMeta[]): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(fields.map((f) => f.id));
  const field = (path: string, id: string): void => {
    if (!known.has(id)) issues.push({ path, code: 'unknown_field', message: `table ${chart.tableId} has no field ${id}` });
  };
  chart.fields.forEach((id, j) => field(`${at}.fields.${j}`, id));
  chart.measures?.forEach((m, j) => field(`${at}.measures.${j}.fieldId`, m.fieldId));
  const label = chart.options?.labelFieldId;
  if (label !== undefined) {
    if (typeof label === 'string') field(`${at}.options.labelFieldId`, label);
    else issues.push({ path: `${at}.options.labelFieldId`, code: 'invalid_type', message: 'expected a field id' });
  }
  const bins = chart.options?.bins;
  if (bins !== undefined && !(typeof bins === 'number' && Number.isInteger(bins) && bins >= 1 && bins <= MAX_BINS)) {
    issues.push({ path: `${at}.options.bins`, code: 'invalid_option', message: `expected a whole number from 1 to ${MAX_BINS}` });
  }
  if (chart.filter) {
    try {
      filterSql(fields, chart.filter);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issues.push({ path: `${at}.filter`, code: 'invalid_filter', message: errorMessage(error.code, error.details, 'en') });
    }
  }
  return issues;
}

/** 400 BAD_REQUEST with details.issues naming each chart's path, unless the dashboard fits the workbook. */
export async function checkDashboard(db: Executor, workbookId: string, dashboard: Dashboard): Promise<void> {
  const tables = new Set((await db.selectFrom('tables').select('id').where('workbook_id', '=', workbookId).execute()).map((t) => t.id));
  const fieldsOf = new Map<string, FieldMeta[]>();
  const issues: Issue[] = [];
  for (const [i, chart] of dashboard.charts.entries()) {
    const at = `charts.${i}`;
    if (!tables.has(chart.tableId)) {
      issues.push({ path: `${at}.tableId`, code: 'unknown_table', message: `the workbook has no table ${chart.tableId}` });
      continue;
    }
    let fields = fieldsOf.get(chart.tableId);
    if (!fields) {
      fields = await listFieldsWithTrashed(db, chart.tableId);
      fieldsOf.set(chart.tableId, fields);
    }
    issues.push(...chartIssues(chart, at, fields));
  }
  if (issues.length > 0) throw invalidInput(issues, 'body');
}
