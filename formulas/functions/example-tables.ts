// The small workbook every documentation example runs against (functions/examples.test.ts), in both
// languages: the same numbers and dates under English and Chinese names. Examples are read on the
// first customer (C1), with TODAY() = EXAMPLE_AS_OF. The help panel may show these tables too.
import type { TableData } from '../evaluate-formula';

export const EXAMPLE_AS_OF = '2024-05-01';

export interface ExampleWorkbook {
  /** The table the example formulas are written in ({Field} is its first row). */
  readonly main: TableData;
  readonly tables: Record<string, TableData>;
}

const customers: readonly [string, string, string, number, string][] = [
  ['C1', 'Beijing', '北京', 2400, '2024-01-31'],
  ['C2', 'Shanghai', '上海', 800, '2024-02-15'],
  ['C3', 'Beijing', '北京', 5000, '2024-03-01'],
  ['C4', 'Shenzhen', '深圳', 1200, '2024-03-20'],
  ['C5', 'Beijing', '北京', 3000, '2024-04-10'],
];

const orders: readonly [string, number, string][] = [
  ['C1', 1000, '2024-05-01'],
  ['C1', 1400, '2024-06-10'],
  ['C2', 800, '2024-05-20'],
  ['C3', 5000, '2024-06-01'],
];

function workbook(names: {
  id: string;
  city: string;
  sales: string;
  joined: string;
  orders: string;
  customer: string;
  amount: string;
  date: string;
}, zh: boolean): ExampleWorkbook {
  return {
    main: {
      fields: [
        { name: names.id, type: 'text' },
        { name: names.city, type: 'text' },
        { name: names.sales, type: 'number' },
        { name: names.joined, type: 'date' },
      ],
      rows: customers.map(([id, cityEn, cityZh, sales, joined]) => ({
        [names.id]: id,
        [names.city]: zh ? cityZh : cityEn,
        [names.sales]: sales,
        [names.joined]: joined,
      })),
    },
    tables: {
      [names.orders]: {
        fields: [
          { name: names.customer, type: 'text' },
          { name: names.amount, type: 'number' },
          { name: names.date, type: 'date' },
        ],
        rows: orders.map(([customer, amount, date]) => ({
          [names.customer]: customer,
          [names.amount]: amount,
          [names.date]: date,
        })),
      },
    },
  };
}

export const EXAMPLE_WORKBOOKS: { readonly en: ExampleWorkbook; readonly 'zh-CN': ExampleWorkbook } = {
  en: workbook({ id: 'Id', city: 'City', sales: 'Sales', joined: 'Joined', orders: 'Orders', customer: 'Customer', amount: 'Amount', date: 'Date' }, false),
  'zh-CN': workbook({ id: '编号', city: '城市', sales: '销售额', joined: '注册日期', orders: '订单', customer: '客户', amount: '金额', date: '日期' }, true),
};

/** Splits "FORMULA → expected" into the formula and the expected JSON value. */
export function parseExample(example: string): { formula: string; expected: unknown } | undefined {
  const at = example.lastIndexOf(' → ');
  if (at === -1) return undefined;
  const formula = example.slice(0, at).trim();
  const shown = example.slice(at + 3).trim();
  let expected: unknown;
  if (shown === 'TRUE' || shown === 'FALSE') expected = shown === 'TRUE';
  else if (shown.startsWith('#')) expected = { error: shown };
  else if (shown === '(blank)') expected = null;
  else expected = JSON.parse(shown);
  return { formula, expected };
}
