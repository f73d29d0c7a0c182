import { describe, expect, it } from 'vitest';
import { cellText, sortSummaryRows, summaryCsv, summaryTable } from './summary-table';
import { amount, en, g, tier, zh } from './test-fixtures';
import type { Measure } from '../../common';

const measures: Measure[] = [{ op: 'sum', fieldId: 'amount' }, { op: 'avg', fieldId: 'amount' }];
const groups = [g(['低'], 6, [60, 10]), g(['高'], 2, [300, 150]), g([null], 2, [null, null]), g([5], 0, [null, null])];

describe('summaryTable', () => {
  it('lists groups in grouping order with count, share, sum and average, and totals', () => {
    const t = summaryTable(tier, groups, measures, [amount], zh);
    expect(t.columns.map((c) => c.label)).toEqual(['客户等级', '客户数', '客户占比', '金额合计', '金额平均']);
    expect(t.rows.map((r) => [r.group?.label, r.count, r.share, ...r.values])).toEqual([
      ['高', 2, 0.2, 300, 150], ['中', 0, 0, null, null], ['低', 6, 0.6, 60, 10], ['5', 0, 0, null, null], ['未分组', 2, 0.2, null, null],
    ]);
    expect(t.totals).toEqual({ group: null, count: 10, share: 1, values: [360, 45] });
    expect(cellText(t.totals, t.columns[0]!, zh)).toBe('合计');
  });

  it('sorts by any column, blanks last, group column back to grouping order', () => {
    const t = summaryTable(tier, groups, measures, [amount], en);
    expect(sortSummaryRows(t.rows, 'count', 'desc').map((r) => r.group?.label)).toEqual(['低', '高', 'Unclassified', '中', '5']);
    expect(sortSummaryRows(t.rows, 'm0', 'asc').map((r) => r.group?.label)).toEqual(['低', '高', '中', '5', 'Unclassified']);
    expect(sortSummaryRows(t.rows, 'group', 'asc').map((r) => r.group?.label)).toEqual(['高', '中', '低', '5', 'Unclassified']);
  });

  it('exports CSV with a BOM, plain numbers and quoted text', () => {
    const t = summaryTable(tier, [g(['高'], 1, [1234.5, 1234.5]), g(['=cmd,"x"'], 1, [1, 1]), g(['@x'], 0, [-3, -3])], measures, [amount], en);
    const csv = summaryCsv(t, en);
    expect(csv.startsWith('\uFEFF客户等级,Customers,Share of customers,Sum of 金额,Average of 金额\r\n')).toBe(true);
    expect(csv).toContain('高,1,50.00%,1234.5,1234.5\r\n');
    // OWASP CSV injection: a group label Excel would run gets a leading quote (quoting alone does not stop it);
    // numbers, negative ones too, stay numbers.
    expect(csv).toContain(`"'=cmd,""x""",1,50.00%,1,1\r\n`);
    expect(csv).toContain(`\r\n'@x,0,0.00%,"-3",\r\n`);
    expect(csv.endsWith('Total,2,100.00%,1232.5,617.75\r\n')).toBe(true);
  });
});
