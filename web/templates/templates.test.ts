import { describe, expect, it } from 'vitest';
import { getTemplate, ORDER_INPUTS, type Template, type TemplateParameter } from '../../templates';
import type { Field } from '../api/types';
import {
  amountOffer, defaultParameterTexts, duplicateInputs, mappingWarnings, formatParameter, initialMapping, initialOrderMapping, mappingBody, missingOrderInputs, missingRequired,
  parseParameter, parseParameters, previewBars, suggestTransactions, summaryInputs, usedParameters,
} from './logic';
import { thumbnailBars, thumbnailDonut } from './thumbnail';

const field = (id: string, name: string, type: Field['type'], resultType?: Field['resultType']): Field =>
  ({ id, tableId: 't', name, type, ...(resultType ? { resultType } : {}) }) as Field;

const rfm = getTemplate('rfm') as Template;
const tiers = getTemplate('value-tiers') as Template;

describe('initialMapping', () => {
  it('maps inputs to field ids by names and synonyms', () => {
    const fields = [field('f1', '客户', 'text'), field('f2', '最近购买日期', 'date'), field('f3', '购买次数', 'number'), field('f4', '消费金额', 'number')];
    const { mapping, messages } = initialMapping(rfm, fields, 'zh-CN');
    expect(mapping).toMatchObject({ last_purchase: 'f2', frequency: 'f3', monetary: 'f4' });
    expect(missingRequired(rfm, mapping)).toEqual([]);
    expect(Object.keys(messages).filter((k) => rfm.inputs.find((i) => i.key === k)?.required)).toEqual([]);
  });
  it('leaves unmatched inputs empty with an explanation in the language', () => {
    const { mapping, messages } = initialMapping(tiers, [field('f1', 'Name', 'text')], 'en');
    expect(mapping.amount).toBe('');
    expect(missingRequired(tiers, mapping)).toEqual(['amount']);
    expect(messages.amount).toMatch(/No field/);
    const zh = initialMapping(tiers, [field('f1', 'Name', 'text')], 'zh-CN');
    expect(zh.messages.amount).toMatch(/没有找到/);
  });
  it('explains a field of the wrong type', () => {
    const { mapping, messages } = initialMapping(tiers, [field('f1', 'Amount', 'text')], 'en');
    expect(mapping.amount).toBe('');
    expect(messages.amount).toMatch(/"Amount"/);
  });
});

describe('mapping state', () => {
  it('finds the same field chosen twice and drops unmapped inputs from the body', () => {
    expect(duplicateInputs({ a: 'f1', b: 'f1', c: '', d: '' })).toEqual(['b']);
    expect(duplicateInputs({ a: 'f1', b: 'f2' })).toEqual([]);
    expect(mappingBody({ a: 'f1', b: '' })).toEqual({ a: 'f1' });
  });
});

describe('parameters', () => {
  const share: TemplateParameter = { key: 'top', type: 'number', name: { zh: '前', en: 'Top' }, default: 0.2, unit: 'share', min: 0, max: 1 };
  const days: TemplateParameter = { key: 'd', type: 'number', name: { zh: '天', en: 'Days' }, default: 90, unit: 'days', integer: true, min: 1 };
  it('shows shares as percentages and reads them back', () => {
    expect(formatParameter(share, 0.2)).toBe('20');
    expect(formatParameter(share, 0.07)).toBe('7');
    expect(parseParameter(share, '20')).toEqual({ ok: true, value: 0.2 });
    expect(parseParameter(share, ' 35% ')).toEqual({ ok: true, value: 0.35 });
    expect(parseParameter(share, '12.5％')).toEqual({ ok: true, value: 0.125 });
  });
  it('rejects non-numbers, fractions of integers and out-of-range values', () => {
    expect(parseParameter(share, 'abc')).toMatchObject({ ok: false, reason: 'number' });
    expect(parseParameter(share, '')).toMatchObject({ ok: false, reason: 'number' });
    expect(parseParameter(share, '150')).toMatchObject({ ok: false, reason: 'max', limit: 1 });
    expect(parseParameter(days, '1.5')).toMatchObject({ ok: false, reason: 'integer' });
    expect(parseParameter(days, '0')).toMatchObject({ ok: false, reason: 'min', limit: 1 });
    expect(parseParameter(days, '1,000')).toEqual({ ok: true, value: 1000 });
  });
  it('parses text, select and boolean parameters', () => {
    expect(parseParameter({ key: 'm', type: 'select', name: { zh: '', en: '' }, default: 'share', options: [{ value: 'share', name: { zh: '', en: '' } }] }, 'share')).toEqual({ ok: true, value: 'share' });
    expect(parseParameter({ key: 'b', type: 'boolean', name: { zh: '', en: '' }, default: true }, 'false')).toEqual({ ok: true, value: false });
  });
  it("round-trips every template's defaults", () => {
    for (const id of ['value-tiers', 'abc', 'rfm', 'lifecycle']) {
      const t = getTemplate(id) as Template;
      const { values, errors } = parseParameters(t, defaultParameterTexts(t));
      expect(errors).toEqual({});
      for (const p of t.parameters) expect(values[p.key]).toEqual(p.default);
    }
  });
});

describe('from transactions', () => {
  const orders = [field('o1', '订单号', 'text'), field('o2', '客户编号', 'text'), field('o3', '下单日期', 'date'), field('o4', '订单金额', 'number'), field('o5', '渠道', 'text')];
  it('suggests the order columns and starts "from transactions" on an order log', () => {
    expect(initialOrderMapping(orders, 'zh-CN').mapping).toEqual({ customer: 'o2', date: 'o3', amount: 'o4', order: 'o1', channel: 'o5' });
    expect(suggestTransactions(rfm, orders, 'zh-CN')).toBe(true);
    // Value tiers find an amount in the orders too, but an order-number column says what a row is.
    expect(suggestTransactions(tiers, orders, 'zh-CN')).toBe(true);
    expect(suggestTransactions(tiers, orders.filter((f) => f.id !== 'o1'), 'zh-CN')).toBe(false);
    expect(missingOrderInputs({ customer: 'o2', date: '', amount: 'o4', order: '', channel: '' })).toEqual(['date']);
  });
  it('stays on the table when its own inputs are all there, or the template cannot use orders', () => {
    const customers = [field('c1', '客户', 'text'), field('c2', '最近购买日期', 'date'), field('c3', '购买次数', 'number'), field('c4', '消费金额', 'number')];
    expect(suggestTransactions(rfm, customers, 'zh-CN')).toBe(false);
    expect(suggestTransactions(getTemplate('geography') as Template, orders, 'zh-CN')).toBe(false);
  });
});

describe('an order log with quantity and unit price but no amount (Online Retail)', () => {
  const retail = [
    field('r1', 'InvoiceNo', 'text'), field('r2', 'StockCode', 'text'), field('r3', 'Description', 'text'), field('r4', 'Quantity', 'number'),
    field('r5', 'InvoiceDate', 'date'), field('r6', 'UnitPrice', 'number'), field('r7', 'CustomerID', 'number'), field('r8', 'Country', 'text'),
  ];
  it('leaves the amount unmapped, offers amount = quantity × unit price, and still starts "from transactions"', () => {
    const { mapping, messages } = initialOrderMapping(retail, 'en');
    expect(mapping).toEqual({ customer: 'r7', date: 'r5', amount: '', order: 'r1', channel: '' });
    expect(messages.amount).toMatch(/"UnitPrice" looks like the price of one unit/);
    expect(amountOffer(retail, mapping, 'en')).toEqual({ quantity: 'Quantity', unitPrice: 'UnitPrice', name: 'Amount', formula: '{Quantity}*{UnitPrice}' });
    expect(amountOffer(retail, mapping, 'zh-CN')?.name).toBe('金额');
    expect(suggestTransactions(rfm, retail, 'en')).toBe(true);
  });
  it('offers it also when a unit price is mapped, with a free name; not when a real amount is', () => {
    const withAmount = [...retail, field('r9', 'amount', 'text')];
    expect(amountOffer(withAmount, { amount: 'r6' }, 'en')?.name).toBe('Amount 2');
    const made = [...retail, field('r9', 'Amount', 'formula', 'number')];
    expect(initialOrderMapping(made, 'en').mapping.amount).toBe('r9');
    expect(amountOffer(made, { amount: 'r9' }, 'en')).toBeNull();
  });
  it('warns when a unit price is chosen for a money input, in the language', () => {
    expect(mappingWarnings(ORDER_INPUTS, retail, { customer: 'r7', amount: 'r6' }, 'en')).toEqual({
      amount: '"UnitPrice" looks like the price of one unit, not the amount paid: its sums are not what customers spent. Map "Amount" to the amount (quantity × unit price).',
    });
    expect(mappingWarnings(rfm.inputs, [field('c1', '单价', 'number')], { monetary: 'c1' }, 'zh-CN').monetary).toMatch(/^“单价”看起来是单价/);
    expect(mappingWarnings(ORDER_INPUTS, retail, { amount: '' }, 'en')).toEqual({});
  });
});

describe('thumbnail geometry', () => {
  const groups = [
    { key: 'a', label: 'A', color: '#f00', count: 10 },
    { key: 'b', label: 'B', color: '#0f0', count: 5 },
    { key: 'c', label: 'C', color: '#00f', count: 0 },
  ];
  it('draws bars side by side, the largest full height, an empty group with no height', () => {
    const bars = thumbnailBars(groups, 100, 50, 2);
    expect(bars.map((b) => b.height)).toEqual([50, 25, 0]);
    expect(bars.map((b) => b.y)).toEqual([0, 25, 50]);
    expect(bars[2]!.x + bars[2]!.width).toBeCloseTo(100);
    expect(bars.map((b) => b.share)).toEqual([10 / 15, 5 / 15, 0]);
    expect(thumbnailBars([], 100, 50)).toEqual([]);
  });
  it('cuts a donut into slices of the non-empty groups', () => {
    const arcs = thumbnailDonut(groups, 25, 25, 25, 12);
    expect(arcs.map((a) => a.key)).toEqual(['a', 'b']);
    expect(arcs[0]!.path).toMatch(/^M 25.00 0.00 A 25 25 0 1 1 /);
    expect(thumbnailDonut([{ ...groups[0]!, count: 3 }], 25, 25, 25, 12)[0]!.path).toMatch(/ A 25 25 0 1 1 /);
    expect(thumbnailDonut([{ ...groups[2]! }], 25, 25, 25, 12)).toEqual([]);
  });
});

describe('parameters shown', () => {
  it('shows the parameters the chosen formulas use', () => {
    expect([...usedParameters(tiers, new Set(['amount']), { method: 'share' })].sort()).toEqual(['method', 'next', 'top']);
    expect([...usedParameters(tiers, new Set(['amount']), { method: 'thresholds' })].sort()).toEqual(['high', 'method', 'mid']);
    const pb = getTemplate('purchase-behaviour') as Template;
    const withChannel = usedParameters(pb, summaryInputs(pb, { customer: 'a', date: 'b', amount: 'c', channel: 'd' }), {});
    const without = usedParameters(pb, summaryInputs(pb, { customer: 'a', date: 'b', amount: 'c', channel: '' }), {});
    expect(withChannel.has('online_values')).toBe(true);
    expect(without.has('online_values')).toBe(false);
    expect(without.has('high_frequency')).toBe(true);
  });
});

describe('previewBars', () => {
  it('adds the rows in no group, so the bars add up to the table', () => {
    const counts = [{ key: 'high', value: '高', count: 7 }, { key: 'mid', value: '中', count: 10 }, { key: 'low', value: '低', count: 18 }];
    const bars = previewBars(counts, (k) => (k === 'high' ? '#f00' : undefined), 36, '未分组');
    expect(bars.map((b) => [b.value, b.count])).toEqual([['高', 7], ['中', 10], ['低', 18], ['未分组', 1]]);
    expect(bars[0]?.color).toBe('#f00');
    expect(bars[3]).toMatchObject({ unclassified: true, share: 1 / 36 });
    expect(previewBars(counts, () => undefined, 35, '未分组').at(-1)?.count).toBe(0);
  });
});
