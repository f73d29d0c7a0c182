// "Amount = quantity × unit price" for an order log that has no amount (Online Retail: Quantity, UnitPrice): the
// formula field to add to the orders table, so that "from transactions" sums what was paid, not unit prices.

import { pick, rowRef, type Language } from './literals';
import { effectiveType, looksLikeUnitPrice, normalizeName, type FieldInfo } from './mapping';
import { QUANTITY_SYNONYMS } from './synonyms';
import { ORDER_INPUTS } from './orders';

const QUANTITY_WORDS = QUANTITY_SYNONYMS.map(normalizeName);

/** "Quantity", "Qty", "数量", "件数"… (and not a price: "单价数量" would be odd, but a price wins). */
export function looksLikeQuantity(name: string): boolean {
  const n = normalizeName(name);
  return QUANTITY_WORDS.some((w) => n.includes(w)) && !looksLikeUnitPrice(name);
}

export interface LineAmount {
  /** The orders table's quantity field and unit-price field. */
  readonly quantity: string;
  readonly unitPrice: string;
  /** The new field's name: the orders' amount input in the workbook's language (金额 / Amount); make it free. */
  readonly name: string;
  /** `{Quantity}*{UnitPrice}` (shown form). */
  readonly formula: string;
}

/** A number field whose name fits, an exact synonym before a name that only contains one. */
function pickField(fields: readonly FieldInfo[], fits: (name: string) => boolean, exact: readonly string[]): FieldInfo | undefined {
  const candidates = fields.filter((f) => effectiveType(f) === 'number' && fits(f.name));
  return candidates.find((f) => exact.includes(normalizeName(f.name))) ?? candidates[0];
}

/** When the orders have a quantity and a unit price (numbers), the formula field that gives each line's amount. */
export function lineAmount(fields: readonly FieldInfo[], language: Language): LineAmount | undefined {
  const quantity = pickField(fields, looksLikeQuantity, QUANTITY_WORDS);
  const unitPrice = pickField(fields, looksLikeUnitPrice, ['unitprice', '单价']);
  if (!quantity || !unitPrice) return undefined;
  const amount = ORDER_INPUTS.find((i) => i.key === 'amount');
  return {
    quantity: quantity.name,
    unitPrice: unitPrice.name,
    name: amount ? pick(amount.name, language) : 'Amount',
    formula: `${rowRef(quantity.name)}*${rowRef(unitPrice.name)}`,
  };
}
