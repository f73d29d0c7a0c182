// "From transactions" (API.md): the customer summary table made from an orders table — one row per distinct
// customer, and fields whose formulas over the orders keep it current (MINIFS, MAXIFS, COUNTUNIQUEIFS, SUMIFS).

import { columnRef, nameProblem, pick, rowRef, tableRef, textLiteral, type Language } from './literals';
import { renderFormula, type TemplateProblem } from './render';
import type { Localized, SUMMARY_FIELD_KEYS, Template } from './schema';

/** The inputs of "from transactions": fields of the orders table. */
export const ORDER_INPUTS = [
  { key: 'customer', type: 'text', required: true, name: { zh: '客户', en: 'Customer' }, synonyms: ['客户', '客户编号', '客户ID', '客户id', '客户名称', '会员', '会员号', '会员ID', '买家', '用户ID', 'customer', 'customer id', 'customerid', 'customer name', 'client', 'buyer', 'member', 'user id'] },
  { key: 'date', type: 'date', required: true, name: { zh: '下单日期', en: 'Order date' }, synonyms: ['日期', '下单日期', '订单日期', '交易日期', '购买日期', '下单时间', '成交日期', '付款日期', 'date', 'order date', 'invoice date', 'purchase date', 'transaction date'] },
  { key: 'amount', type: 'number', required: true, name: { zh: '金额', en: 'Amount' }, synonyms: ['金额', '订单金额', '实付金额', '交易金额', '成交金额', '销售额', '消费金额', '付款金额', 'amount', 'sales', 'revenue', 'total', 'order amount', 'line total', 'value'], moneyTotal: true },
  { key: 'order', type: 'text', required: false, name: { zh: '订单号', en: 'Order ID' }, synonyms: ['订单号', '订单编号', '订单ID', '单号', '交易号', '发票号', 'order', 'order id', 'order no', 'order number', 'invoice', 'invoice no', 'invoiceno', 'transaction id'] },
  { key: 'channel', type: 'text', required: false, name: { zh: '渠道', en: 'Channel' }, synonyms: ['渠道', '购买渠道', '销售渠道', '下单渠道', '线上线下', 'channel', 'sales channel'] },
] as const;

export type OrderInputKey = (typeof ORDER_INPUTS)[number]['key'];
export type SummaryFieldKey = (typeof SUMMARY_FIELD_KEYS)[number];

export interface SummaryFieldDefinition {
  readonly key: SummaryFieldKey;
  readonly name: Localized;
  readonly type: 'text' | 'number' | 'date';
  /** Absent for `customer`: a plain field holding each distinct customer (the server fills and syncs it). */
  readonly formula?: string;
  /** Used instead of `formula` when `order` is not mapped (frequency = distinct purchase days). */
  readonly formulaWithoutOrder?: string;
  /** Made only when this orders input is mapped. */
  readonly requires?: OrderInputKey;
}

const CUSTOMER_MATCH = '[orders:customer],{output:customer}';
const MIXED: Localized = { zh: '混合', en: 'Mixed' };

export const SUMMARY_FIELDS: readonly SummaryFieldDefinition[] = [
  { key: 'customer', name: { zh: '客户', en: 'Customer' }, type: 'text' },
  { key: 'first_purchase', name: { zh: '首次购买日期', en: 'First purchase' }, type: 'date', formula: `MINIFS([orders:date],${CUSTOMER_MATCH})` },
  { key: 'last_purchase', name: { zh: '最近购买日期', en: 'Last purchase' }, type: 'date', formula: `MAXIFS([orders:date],${CUSTOMER_MATCH})` },
  {
    key: 'frequency',
    name: { zh: '购买次数', en: 'Frequency' },
    type: 'number',
    formula: `COUNTUNIQUEIFS([orders:order],${CUSTOMER_MATCH})`,
    formulaWithoutOrder: `COUNTUNIQUEIFS([orders:date],${CUSTOMER_MATCH})`,
  },
  { key: 'monetary', name: { zh: '消费金额', en: 'Monetary' }, type: 'number', formula: `SUMIFS([orders:amount],${CUSTOMER_MATCH})` },
  {
    key: 'channel',
    name: { zh: '购买渠道', en: 'Channel' },
    type: 'text',
    requires: 'channel',
    // One channel: that channel; several: 混合 / Mixed.
    formula: `IF(COUNTUNIQUEIFS([orders:channel],${CUSTOMER_MATCH})>1,{label:mixed},XLOOKUP({output:customer},[orders:customer],[orders:channel]))`,
  },
];

export interface SummaryOptions {
  readonly language: Language;
  /** The orders table's name as the user sees it. */
  readonly ordersTable: string;
  /** orders input key → the orders table's field name. customer, date, amount required; order, channel optional. */
  readonly mapping: Readonly<Partial<Record<OrderInputKey, string>>>;
  /**
   * When only some orders count (API `rows`), the name of a helper field of the orders table holding
   * `IF(<rows formula>, {customer field}, "")`: the summary then matches customers in that field instead, so
   * excluded orders never match. See templates/README.md.
   */
  readonly includedCustomerField?: string;
  /** summary key → field name, when not the localized name (e.g. renamed on a conflict). */
  readonly names?: Readonly<Partial<Record<SummaryFieldKey, string>>>;
}

export interface RenderedSummaryField {
  readonly key: SummaryFieldKey;
  readonly name: string;
  readonly type: 'text' | 'number' | 'date';
  /** Shown form; absent for `customer`. */
  readonly formula?: string;
}

export type SummaryResult =
  | { readonly ok: true; readonly fields: readonly RenderedSummaryField[] }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** The customer summary's fields and formulas over the orders table. */
export function renderTransactionSummary(options: SummaryOptions): SummaryResult {
  const { language, mapping } = options;
  const problems: TemplateProblem[] = [];
  for (const input of ORDER_INPUTS) {
    const field = mapping[input.key];
    if (field === undefined) {
      if (input.required)
        problems.push({
          code: 'TEMPLATE_INPUT_MISSING',
          key: input.key,
          message: language === 'en' ? `choose the orders field for "${input.name.en}"` : `请选择订单表中的“${input.name.zh}”字段`,
        });
      continue;
    }
    const why = nameProblem(field, language);
    if (why) problems.push({ code: 'INVALID_NAME', key: input.key, message: why });
  }
  for (const name of [options.ordersTable, options.includedCustomerField]) {
    const why = name === undefined ? undefined : nameProblem(name, language);
    if (why) problems.push({ code: 'INVALID_NAME', message: why });
  }
  const names = new Map<SummaryFieldKey, string>(
    SUMMARY_FIELDS.map((f) => [f.key, options.names?.[f.key] ?? pick(f.name, language)]),
  );
  for (const [key, name] of names) {
    const why = nameProblem(name, language);
    if (why) problems.push({ code: 'INVALID_NAME', key, message: why });
  }
  if (problems.length > 0) return { ok: false, problems };

  const table = tableRef(options.ordersTable);
  const fields: RenderedSummaryField[] = [];
  for (const f of SUMMARY_FIELDS) {
    if (f.requires && mapping[f.requires] === undefined) continue;
    const name = names.get(f.key) ?? f.key;
    const source = mapping.order === undefined && f.formulaWithoutOrder ? f.formulaWithoutOrder : f.formula;
    const formula =
      source === undefined
        ? undefined
        : renderFormula(source, (p) => {
            if (p.kind === 'orders') {
              const field =
                p.key === 'customer' && options.includedCustomerField !== undefined
                  ? options.includedCustomerField
                  : mapping[p.key as OrderInputKey];
              return field === undefined ? undefined : table + columnRef(field);
            }
            if (p.kind === 'output') {
              const own = names.get(p.key as SummaryFieldKey);
              return own === undefined ? undefined : rowRef(own);
            }
            if (p.kind === 'label' && p.key === 'mixed') return textLiteral(pick(MIXED, language));
            return undefined;
          });
    fields.push({ key: f.key, name, type: f.type, ...(formula === undefined ? {} : { formula }) });
  }
  return { ok: true, fields };
}

/** The mapping (input key → summary field name) that applies a template to the customer summary. */
export function summaryMapping(
  template: Template,
  summary: readonly RenderedSummaryField[],
): { ok: true; mapping: Record<string, string> } | { ok: false; missing: string[] } {
  if (!template.transactions) return { ok: false, missing: template.inputs.filter((i) => i.required).map((i) => i.key) };
  const mapping: Record<string, string> = {};
  const missing: string[] = [];
  for (const input of template.inputs) {
    const key = template.transactions.mapping[input.key];
    const field = summary.find((f) => f.key === key);
    if (field) mapping[input.key] = field.name;
    else if (input.required) missing.push(input.key);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, mapping };
}
