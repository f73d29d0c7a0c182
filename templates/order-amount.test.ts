import { describe, expect, it } from 'vitest';
import {
  getTemplate, lineAmount, looksLikeQuantity, looksLikeUnitPrice, ORDER_INPUTS, suggestOrdersMapping, suggestTemplateMapping, unitPriceWarning,
  type FieldInfo,
} from './index';

/** The columns of UCI "Online Retail", typed as the import detects them. */
const ONLINE_RETAIL: FieldInfo[] = [
  { name: 'InvoiceNo', type: 'text' },
  { name: 'StockCode', type: 'text' },
  { name: 'Description', type: 'text' },
  { name: 'Quantity', type: 'number' },
  { name: 'InvoiceDate', type: 'date' },
  { name: 'UnitPrice', type: 'number' },
  { name: 'CustomerID', type: 'number' },
  { name: 'Country', type: 'text' },
];
const amountInput = ORDER_INPUTS.find((i) => i.key === 'amount')!;

describe('a unit price is never the amount', () => {
  it.each([
    ['UnitPrice', true], ['Unit Price', true], ['unit_price', true], ['Price', true], ['Sales price', true], ['单价', true], ['商品价格', true],
    ['Total price', false], ['总价', false], ['Line amount', false], ['金额', false], ['Amount', false], ['Sales', false], ['Quantity', false],
  ] as const)('%s → %s', (name, expected) => {
    expect(looksLikeUnitPrice(name)).toBe(expected);
  });

  it('suggests no amount on Online Retail, and says why', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const s = suggestOrdersMapping(ONLINE_RETAIL, language);
      expect(s.mapping).toEqual({ customer: 'CustomerID', date: 'InvoiceDate', order: 'InvoiceNo' });
      const why = s.missing.find((m) => m.key === 'amount')?.message ?? '';
      expect(why).toContain(language === 'en' ? '"UnitPrice" looks like the price of one unit' : '“UnitPrice”看起来是单价');
    }
  });

  it('prefers a real amount beside a unit price, and never a price for a template money input', () => {
    expect(suggestOrdersMapping([...ONLINE_RETAIL, { name: 'Total price', type: 'number' }], 'en').mapping.amount).toBe('Total price');
    expect(suggestTemplateMapping('value-tiers', [{ name: 'Sales price', type: 'number' }], 'en')?.mapping).toEqual({});
    expect(suggestTemplateMapping('rfm', [{ name: '单价', type: 'number' }], 'zh-CN')?.mapping.monetary).toBeUndefined();
  });

  it('warns, without refusing, when a unit price is chosen for a money input', () => {
    expect(unitPriceWarning(amountInput, 'UnitPrice', 'en')).toBe(
      '"UnitPrice" looks like the price of one unit, not the amount paid: its sums are not what customers spent. Map "Amount" to the amount (quantity × unit price).',
    );
    expect(unitPriceWarning(amountInput, '单价', 'zh-CN')).toMatch(/^“单价”看起来是单价/);
    expect(unitPriceWarning(amountInput, 'Amount', 'en')).toBeUndefined();
    // Only money inputs: a date or a count named "price" is another story.
    const frequency = getTemplate('rfm')!.inputs.find((i) => i.key === 'frequency')!;
    expect(unitPriceWarning(frequency, 'Price', 'en')).toBeUndefined();
  });
});

describe('amount = quantity × unit price', () => {
  it('offers the formula field on Online Retail, named like the amount input', () => {
    expect(lineAmount(ONLINE_RETAIL, 'en')).toEqual({ quantity: 'Quantity', unitPrice: 'UnitPrice', name: 'Amount', formula: '{Quantity}*{UnitPrice}' });
    expect(lineAmount([{ name: '件数', type: 'number' }, { name: '单价', type: 'formula', resultType: 'number' }], 'zh-CN')).toEqual({
      quantity: '件数', unitPrice: '单价', name: '金额', formula: '{件数}*{单价}',
    });
    // The new field is what the suggestion then maps to the amount.
    expect(suggestOrdersMapping([...ONLINE_RETAIL, { name: 'Amount', type: 'formula', resultType: 'number' }], 'en').mapping.amount).toBe('Amount');
  });

  it('needs both, as numbers; an exact name before one that only contains it', () => {
    expect(lineAmount(ONLINE_RETAIL.filter((f) => f.name !== 'Quantity'), 'en')).toBeUndefined();
    expect(lineAmount([{ name: 'Quantity', type: 'text' }, { name: 'UnitPrice', type: 'number' }], 'en')).toBeUndefined();
    expect(lineAmount([{ name: 'Quantity returned', type: 'number' }, { name: 'Qty', type: 'number' }, { name: 'Price', type: 'number' }], 'en')).toMatchObject({
      quantity: 'Qty', unitPrice: 'Price',
    });
    expect(looksLikeQuantity('Qty')).toBe(true);
    expect(looksLikeQuantity('UnitPrice')).toBe(false);
  });
});
