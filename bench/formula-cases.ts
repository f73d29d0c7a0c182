// The four workloads of issue 3 "Speed": the formulas, the same work hand-written, and the same work as a
// HyperFormula sheet with cell references. Data is generated here, outside every timer.
import { abc, aggregates, rfm, valueTier, type Cell } from './baselines';
import { customersToTable, generateCustomers, generateOrders, ordersToTable, type Customers } from './data';
import type { BenchTable } from './engine';
import { rowsLabel } from './harness';
import type { Sheet } from './hf';

export interface CaseData {
  readonly own: BenchTable;
  readonly others: readonly BenchTable[];
  /** One output column per formula, in this order. */
  readonly formulas: readonly string[];
  readonly baseline: () => Cell[][];
}

export interface FormulaCase {
  readonly name: string;
  readonly title: string;
  /** Target for time(engine) / time(hand-written). */
  readonly target: number;
  /** What a size means (customers, or orders with n/10 customers). */
  describe(n: number): string;
  setup(n: number): CaseData;
  /** The HyperFormula sheet and, per row, the columns holding the formula results. */
  sheet(n: number): { sheet: Sheet; outputs: readonly number[]; rows: number };
}

const customersTable = (c: Customers): BenchTable => ({ id: 'customers', name: 'Customers', data: customersToTable(c) });
const range = (col: string, n: number): string => `$${col}$1:$${col}$${n}`;

export const TIER = 'IFS({amount}>=5000,"T1",{amount}>=2000,"T2",{amount}>=500,"T3",TRUE,"T4")';
export const ABC = 'IFS(PARETO([amount],{amount})<=0.8,"A",PARETO([amount],{amount})<=0.95,"B",TRUE,"C")';
export const RFM: readonly string[] = [
  '6-NTILE([recency],{recency},5)',
  'NTILE([frequency],{frequency},5)',
  'NTILE([amount],{amount},5)',
  'IF({recency}<=AVERAGE([recency]),"H","L")&IF({frequency}>=AVERAGE([frequency]),"H","L")&IF({amount}>=AVERAGE([amount]),"H","L")',
];
export const AGGREGATES: readonly string[] = [
  'SUMIFS(Orders[amount],Orders[customer_id],{id})',
  'COUNTIFS(Orders[customer_id],{id})',
  'MAXIFS(Orders[date],Orders[customer_id],{id})',
];

export const tierCase: FormulaCase = {
  name: 'formulas-ifs',
  title: '(a) 4-branch IFS value tier vs a hand-written loop',
  target: 3,
  describe: (n) => `${rowsLabel(n)} customers`,
  setup(n) {
    const c = generateCustomers(n);
    return { own: customersTable(c), others: [], formulas: [TIER], baseline: () => [valueTier(c.amount)] };
  },
  sheet(n) {
    const c = generateCustomers(n);
    const sheet = Array.from(c.amount, (a, i): (number | string)[] => [
      a,
      `=IFS(A${i + 1}>=5000,"T1",A${i + 1}>=2000,"T2",A${i + 1}>=500,"T3",TRUE(),"T4")`,
    ]);
    return { sheet, outputs: [1], rows: n };
  },
};

export const abcCase: FormulaCase = {
  name: 'formulas-abc',
  title: '(b) ABC with PARETO vs a hand-written one-sort implementation',
  target: 4,
  describe: (n) => `${rowsLabel(n)} customers`,
  setup(n) {
    const c = generateCustomers(n);
    return { own: customersTable(c), others: [], formulas: [ABC], baseline: () => [abc(c.amount)] };
  },
  sheet(n) {
    const c = generateCustomers(n);
    const share = (r: number): string => `SUMIF(${range('A', n)},">="&A${r})/SUM(${range('A', n)})`;
    const sheet = Array.from(c.amount, (a, i): (number | string)[] => [
      a,
      `=IFS(${share(i + 1)}<=0.8,"A",${share(i + 1)}<=0.95,"B",TRUE(),"C")`,
    ]);
    return { sheet, outputs: [1], rows: n };
  },
};

export const rfmCase: FormulaCase = {
  name: 'formulas-rfm',
  title: '(c) RFM: three NTILE scores and an 8-way segment vs hand-written',
  target: 4,
  describe: (n) => `${rowsLabel(n)} customers`,
  setup(n) {
    const c = generateCustomers(n);
    const baseline = (): Cell[][] => {
      const r = rfm(c);
      return [r.r, r.f, r.m, r.segment];
    };
    return { own: customersTable(c), others: [], formulas: RFM, baseline };
  },
  sheet(n) {
    const c = generateCustomers(n);
    const count = (col: string, r: number): string => `MIN(5,1+INT(5*COUNTIF(${range(col, n)},"<"&${col}${r})/COUNT(${range(col, n)})))`;
    const sheet = Array.from(c.recency, (recency, i): (number | string)[] => {
      const r = i + 1;
      return [
        recency,
        c.frequency[i] ?? 0,
        c.amount[i] ?? 0,
        `=6-${count('A', r)}`,
        `=${count('B', r)}`,
        `=${count('C', r)}`,
        `=IF(A${r}<=AVERAGE(${range('A', n)}),"H","L")&IF(B${r}>=AVERAGE(${range('B', n)}),"H","L")&IF(C${r}>=AVERAGE(${range('C', n)}),"H","L")`,
      ];
    });
    return { sheet, outputs: [3, 4, 5, 6], rows: n };
  },
};

export const aggregatesCase: FormulaCase = {
  name: 'formulas-ifs-aggregates',
  title: '(d) SUMIFS/COUNTIFS/MAXIFS from orders into customers vs a hand-written hash',
  target: 4,
  describe: (n) => `${rowsLabel(n)} orders → ${rowsLabel(n / 10)} customers`,
  setup(n) {
    const c = generateCustomers(n / 10);
    const o = generateOrders(n, n / 10);
    const orders: BenchTable = { id: 'orders', name: 'Orders', data: ordersToTable(o) };
    const baseline = (): Cell[][] => {
      const r = aggregates(c.id, o);
      return [r.sum, r.count, r.max];
    };
    return { own: customersTable(c), others: [orders], formulas: AGGREGATES, baseline };
  },
  sheet(n) {
    const k = n / 10;
    const o = generateOrders(n, k);
    const [a, b, cc] = [range('A', n), range('B', n), range('C', n)];
    const sheet = Array.from(o.customerId, (id, i): (number | string)[] => {
      const row: (number | string)[] = [id, o.amount[i] ?? 0, o.date[i] ?? 0];
      if (i < k) row.push(i + 1, `=SUMIFS(${b},${a},D${i + 1})`, `=COUNTIFS(${a},D${i + 1})`, `=MAXIFS(${cc},${a},D${i + 1})`);
      return row;
    });
    return { sheet, outputs: [4, 5, 6], rows: k };
  },
};

export const FORMULA_CASES: readonly FormulaCase[] = [tierCase, abcCase, rfmCase, aggregatesCase];
