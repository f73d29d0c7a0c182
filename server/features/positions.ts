// A new order of things (tables of a workbook, fields of a table, workbooks) is given as the full list of ids.
import { AppError } from '../http/app-error';

/** `order` must name every one of `known` once. */
export function checkOrder(order: readonly string[], known: readonly string[], what: 'workbook' | 'table' | 'field'): void {
  const set = new Set(known);
  if (order.length !== known.length || new Set(order).size !== order.length || order.some((x) => !set.has(x))) {
    throw new AppError('BAD_REQUEST', { reason: `the new order must list every ${what} id once` });
  }
}
