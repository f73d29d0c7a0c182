import { describe, expect, it } from 'vitest';
import type { Field } from '../api/types';
import { formulaDependents } from './dependents';

const f = (tableId: string, id: string, name: string, formula?: string): Field =>
  formula === undefined ? { id, tableId, name, type: 'number' } : { id, tableId, name, type: 'formula', formula, resultType: 'text' };

const customers = {
  id: 't1',
  name: '客户',
  fields: [
    f('t1', 'sales', '销售额'),
    f('t1', 'orders', '订单数'),
    f('t1', 'grade', '客户等级', 'IFS({销售额}>=100000,"高价值",{销售额}>=20000,"中价值",TRUE,"低价值")'),
    f('t1', 'big', '大客户标记', 'IF({客户等级}="高价值","大客户","普通")'),
    f('t1', 'band', '销售额分组', 'IF(RANK({销售额},[销售额])<=3,"高","低")'),
    f('t1', 'count', '订单分组', 'IF({订单数}>10,"多","少")'),
  ],
};
const orders = { id: 't2', name: '订单', fields: [f('t2', 'total', '客户总额', "SUM(客户[销售额])")] };

describe('formulaDependents', () => {
  it('lists the formula fields of every table that use the field directly, its own table first', () => {
    const found = formulaDependents([orders, customers], { tableId: 't1', fieldId: 'sales' });
    expect(found.map((d) => [d.tableName, d.fieldName])).toEqual([
      ['客户', '客户等级'],
      ['客户', '销售额分组'],
      ['订单', '客户总额'],
    ]);
  });

  it('is empty for a field no formula uses, and counts formulas on formulas', () => {
    expect(formulaDependents([customers, orders], { tableId: 't1', fieldId: 'big' })).toEqual([]);
    expect(formulaDependents([customers], { tableId: 't1', fieldId: 'grade' }).map((d) => d.fieldName)).toEqual(['大客户标记']);
  });

  it('still sees the fields a formula names when another of its references is already broken', () => {
    const broken = { ...customers, fields: [...customers.fields, f('t1', 'mix', '混合', '{已删除}+{订单数}')] };
    expect(formulaDependents([broken], { tableId: 't1', fieldId: 'orders' }).map((d) => d.fieldName)).toEqual(['订单分组', '混合']);
  });
});
