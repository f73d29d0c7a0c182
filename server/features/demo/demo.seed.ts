// The demo workbook made on first start, so the first screen is never empty.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { CellInput, Chart, ChartKind, FieldInput } from '../../../common';
import { saveDashboard } from '../dashboards/dashboards.service';
import { createField } from '../fields/fields.service';
import { listFields } from '../meta';
import { transact } from '../recompute/column-cache';
import { insertRowsService } from '../rows/rows.service';
import { createTable } from '../tables/tables.service';
import { createWorkbook } from '../workbooks/workbooks.service';
import { DEMO_CUSTOMERS, DEMO_PROVINCES } from './demo.data';

const SEEDED = 'demo_seeded';

const FIELDS: FieldInput[] = [
  { name: '客户名称', type: 'text' },
  { name: '省份', type: 'select', options: DEMO_PROVINCES.map((p) => ({ value: p.name, color: p.color })) },
  { name: '行业', type: 'text' },
  { name: '销售额', type: 'number', format: '#,##0' },
  { name: '订单数', type: 'number' },
  { name: '最近购买日期', type: 'date' },
  { name: '是否会员', type: 'boolean' },
];

const TIER: FieldInput = {
  name: '客户等级',
  type: 'formula',
  formula: 'IFS({销售额}>=100000,"高价值",{销售额}>=20000,"中价值",TRUE,"低价值")',
  groups: [
    { value: '高价值', color: '#E8684A', description: '销售额 ≥ 10 万', action: '专属客户经理，季度回访' },
    { value: '中价值', color: '#F6BD16', description: '销售额 2 万 – 10 万', action: '交叉销售，提升客单价' },
    { value: '低价值', color: '#5B8FF9', description: '销售额 < 2 万', action: '自动化营销，降低服务成本' },
  ],
};

/** Seeds the demo workbook once per database (a setting remembers it, so deleting the demo keeps it deleted). */
export async function seedDemoOnFirstStart(db: Kysely<Database>): Promise<void> {
  const done = await db.selectFrom('settings').select('value').where('key', '=', SEEDED).executeTakeFirst();
  if (done) return;
  const { workbookId, tableId } = await transact(db, async (trx) => {
    const wb = await createWorkbook(trx, { name: '演示工作簿 / Demo workbook', language: 'zh-CN' });
    const table = await createTable(trx, wb.id, { name: '客户', fields: FIELDS }, { record: false });
    const fields = await listFields(trx, table.id);
    const idOf = (name: string): string => fields.find((f) => f.name === name)?.id ?? '';
    const rows = DEMO_CUSTOMERS.map((c) => {
      const cells: Record<string, CellInput> = {
        [idOf('客户名称')]: c.name,
        [idOf('省份')]: c.province,
        [idOf('行业')]: c.industry,
        [idOf('销售额')]: c.sales,
        [idOf('订单数')]: c.orders,
        [idOf('最近购买日期')]: c.lastPurchase,
        [idOf('是否会员')]: c.member,
      };
      return { cells };
    });
    await insertRowsService(trx, table.id, rows);
    await trx.insertInto('settings').values({ key: SEEDED, value: new Date().toISOString() }).execute();
    return { workbookId: wb.id, tableId: table.id };
  });
  try {
    const tier = await createField(db, tableId, TIER, { record: false });
    await saveDashboard(db, workbookId, { charts: demoCharts(tableId, tier.id, await listFields(db, tableId)) });
  } catch (error) {
    // The formula engine may refuse (e.g. not available yet): the demo is still useful without the tier column.
    if (!(error instanceof AppError)) throw error;
  }
  await db.deleteFrom('operations').where('workbook_id', '=', workbookId).execute();
}

/** The demo's dashboard, so a manager's first look at 仪表盘 shows what it is for. */
function demoCharts(tableId: string, tierId: string, fields: readonly { id: string; name: string }[]): Chart[] {
  const idOf = (name: string): string => fields.find((f) => f.name === name)?.id ?? '';
  const sales = idOf('销售额');
  const chart = (i: number, kind: ChartKind, title: string, group: string[], w: number, extra: Partial<Chart> = {}): Chart => ({
    id: `demo_${i}`, tableId, kind, title, fields: group, place: { x: 0, y: i, w, h: 1 }, ...extra,
  });
  return [
    chart(0, 'bar', '各等级客户数', [tierId], 2),
    chart(1, 'donut', '各等级销售额', [tierId], 2, { measures: [{ op: 'sum', fieldId: sales }] }),
    chart(2, 'pareto', 'ABC 分析（销售额）', [], 4, { measures: [{ op: 'sum', fieldId: sales }], options: { labelFieldId: idOf('客户名称') } }),
    chart(3, 'crosstab', '省份 × 客户等级', [idOf('省份'), tierId], 4),
  ];
}
