// A small workbook used across tests: customers with a formula field, and an orders table.

import type { FormulaData } from '../eval/compile';
import type { Value } from '../eval/values';
import type { FormulaSchema } from '../types/schema';

export const schema: FormulaSchema = {
  tables: [
    {
      id: 'tbl_c',
      name: '客户',
      fields: [
        { id: 'fld_sales', name: '销售额', type: 'number' },
        { id: 'fld_name', name: 'Name', type: 'text' },
        { id: 'fld_note', name: '备注', type: 'text' },
        { id: 'fld_day', name: 'First day', type: 'date' },
        { id: 'fld_tier', name: 'Tier', type: 'text', formula: 'IF({#fld_sales}>100,"A","B")' },
        { id: 'fld_rank', name: 'Rank', type: 'number', formula: 'RANK({#fld_sales},[#fld_sales])' },
        { id: 'fld_label', name: 'Label', type: 'text', formula: '{#fld_tier}&{#fld_name}' },
      ],
    },
    {
      id: 'tbl_o',
      name: 'Orders 2024',
      fields: [
        { id: 'fld_amt', name: 'Amount', type: 'number' },
        { id: 'fld_total', name: 'Total', type: 'number', formula: 'SUM(#tbl_c[#fld_rank])' },
      ],
    },
    { id: 'tbl_q', name: "Tom's", fields: [{ id: 'fld_q', name: 'Q', type: 'number' }] },
  ],
};

/** Column data for the customers table (3 rows) and orders (2 rows). */
export function data(columns: Record<string, readonly Value[]> = {}): FormulaData & { reads: string[] } {
  const base: Record<string, readonly Value[]> = {
    'tbl_c.fld_sales': [150, 50, null],
    'tbl_c.fld_name': ['Ann', 'Bo', 'Cy'],
    'tbl_c.fld_note': ['vip', null, ''],
    'tbl_o.fld_amt': [10, 20],
    ...columns,
  };
  const reads: string[] = [];
  return {
    rowCount: 3,
    asOf: 45000,
    reads,
    column(tableId, fieldId) {
      reads.push(`${tableId}.${fieldId}`);
      return base[`${tableId}.${fieldId}`] ?? [];
    },
  };
}
