import { describe, expect, test } from 'vitest';
import type { TableData } from '../index';
import { all, err, one } from './test-kit';

// Customers and their orders; formulas run in Customers, one value per customer.
const customers: TableData = {
  fields: [
    { name: 'Id', type: 'text' },
    { name: 'Since', type: 'date' },
  ],
  rows: [
    { Id: 'c1', Since: '2024-01-01' },
    { Id: 'C2', Since: '2024-03-01' },
    { Id: 'C3', Since: null },
    { Id: null, Since: '2024-02-01' },
  ],
};

const orders: TableData = {
  fields: [
    { name: 'Customer', type: 'text' },
    { name: 'Amount', type: 'number' },
    { name: 'Day', type: 'date' },
    { name: 'City', type: 'text' },
    { name: 'Note', type: 'text' },
  ],
  rows: [
    { Customer: 'C1', Amount: 100, Day: '2024-01-05', City: '北京', Note: 'a*b' },
    { Customer: 'C1', Amount: 250, Day: '2024-02-10', City: '北京市', Note: null },
    { Customer: 'C1', Amount: null, Day: '2024-02-10', City: '上海', Note: '' },
    { Customer: 'C2', Amount: 40, Day: '2024-03-15', City: '南京', Note: 'x' },
    { Customer: 'C2', Amount: 60, Day: '2024-01-20', City: '北京', Note: 'X' },
    { Customer: 'C4', Amount: 999, Day: '2024-04-01', City: '深圳', Note: '5' },
  ],
};

const tables = { Orders: orders };

describe('*IFS across tables, one value per customer', () => {
  test.each<[string, unknown[]]>([
    ['SUMIFS(Orders[Amount], Orders[Customer], {Id})', [350, 100, 0, 0]], // case-insensitive ids; blank id matches nothing
    ['COUNTIFS(Orders[Customer], {Id})', [3, 2, 0, 0]],
    ['AVERAGEIFS(Orders[Amount], Orders[Customer], {Id})', [175, 50, err('#DIV/0!'), err('#DIV/0!')]],
    ['MAXIFS(Orders[Amount], Orders[Customer], {Id})', [250, 60, 0, 0]],
    ['MINIFS(Orders[Day], Orders[Customer], {Id})', ['2024-01-05', '2024-01-20', '1900-01-00', '1900-01-00']],
    ['MAXIFS(Orders[Day], Orders[Customer], {Id})', ['2024-02-10', '2024-03-15', '1900-01-00', '1900-01-00']],
    ['COUNTUNIQUEIFS(Orders[Day], Orders[Customer], {Id})', [2, 2, 0, 0]],
    ['COUNTUNIQUEIFS(Orders[Note], Orders[Customer], {Id})', [2, 2, 0, 0]], // "x" and "X" differ, as Google Sheets
    ['SUMIFS(Orders[Amount], Orders[Customer], {Id}, Orders[Day], ">="&{Since})', [350, 40, 0, 0]],
    ['SUMIFS(Orders[Amount], Orders[Day], ">="&{Since})', [1449, 1039, 0, 1289]], // a blank Since makes ">=", which matches no date
    ['COUNTIFS(Orders[Day], ">"&{Since}, Orders[Day], "<2024-03-01")', [4, 0, 0, 2]],
    ['SUMIFS(Orders[Amount], Orders[Day], ">"&{Since}, Orders[Day], "<2024-03-01")', [410, 0, 0, 250]],
    ['MAXIFS(Orders[Amount], Orders[Day], "<"&{Since})', [0, 250, 0, 100]],
    ['MINIFS(Orders[Amount], Orders[Day], ">="&{Since})', [40, 40, 0, 40]],
    ['COUNTUNIQUEIFS(Orders[Customer], Orders[Day], "<="&{Since})', [0, 2, 0, 2]],
    ['AVERAGEIFS(Orders[Day], Orders[Customer], {Id})', ['2024-01-29', '2024-02-16', err('#DIV/0!'), err('#DIV/0!')]],
  ])('%s', (formula, expected) => {
    expect(all(formula, customers, tables)).toMatchObject(expected);
  });
});

describe('criteria strings', () => {
  test.each<[string, unknown]>([
    ['COUNTIFS(Orders[City], "北*")', 3],
    ['COUNTIFS(Orders[City], "北?")', 2],
    ['COUNTIFS(Orders[City], "<>北*")', 3],
    ['COUNTIFS(Orders[City], "*京")', 3],
    ['COUNTIFS(Orders[Note], "a~*b")', 1],
    ['COUNTIFS(Orders[Note], "a*b")', 1],
    ['COUNTIFS(Orders[Note], "~*")', 0],
    ['COUNTIFS(Orders[Note], "x")', 2],
    ['COUNTIFS(Orders[Note], "=")', 1], // blank cells only
    ['COUNTIFS(Orders[Note], "")', 2], // blank cells and empty text
    ['COUNTIFS(Orders[Note], "<>")', 5],
    ['COUNTIFS(Orders[Note], 5)', 1], // numeric text matches a number, as Excel's COUNTIF
    ['COUNTIFS(Orders[Note], ">4")', 0], // but never an ordering criterion
    ['COUNTIFS(Orders[Note], "<y")', 5], // text order, text cells only ("" included)
    ['COUNTIFS(Orders[Amount], ">=100")', 3],
    ['COUNTIFS(Orders[Amount], "<>100")', 5], // the blank amount counts as "not 100"
    ['COUNTIFS(Orders[Amount], 100)', 1],
    ['COUNTIFS(Orders[Amount], "100")', 1],
    ['COUNTIFS(Orders[Amount], "=1E2")', 1],
    ['COUNTIFS(Orders[Day], "2024-02-10")', 2],
    ['COUNTIFS(Orders[Day], DATE(2024,2,10))', 2],
    ['COUNTIFS(Orders[Day], ">"&DATE(2024,2,10))', 2],
    ['COUNTIFS(Orders[Day], "<"&{Since})', 0],
    ['SUMIFS(Orders[Amount], Orders[City], "北*", Orders[Customer], "C1")', 350],
    ['SUMIFS(Orders[Amount], Orders[Customer], "c2", Orders[City], "<>北京")', 40],
    ['COUNTIFS(Orders[Customer], "C1", Orders[Amount], ">90", Orders[Amount], "<=250")', 2],
    ['SUMIF(Orders[City], "北*", Orders[Amount])', 410],
    ['SUMIF(Orders[Amount], ">50")', 1409],
    ['COUNTIF(Orders[Customer], "c1")', 3],
    ['AVERAGEIF(Orders[Customer], "C2", Orders[Amount])', 50],
    ['SUMIFS(Orders[Amount], Orders[Customer], 1/0)', err('#DIV/0!')],
    ['SUMIFS(Orders[Amount], [Id], "C1")', err('#VALUE!')], // columns of different lengths
  ])('%s', (formula, expected) => {
    expect(one(formula, customers, tables)).toMatchObject(expected as object);
  });
});

describe('XLOOKUP', () => {
  test.each<[string, unknown[]]>([
    ['XLOOKUP({Id}, Orders[Customer], Orders[Amount])', [100, 40, err('#N/A'), err('#N/A')]], // first match
    ['XLOOKUP({Id}, Orders[Customer], Orders[Day], "none")', ['2024-01-05', '2024-03-15', 'none', 'none']],
    ['XLOOKUP("c1", Orders[Customer], Orders[Note])', ['a*b', 'a*b', 'a*b', 'a*b']],
    ['XLOOKUP("x", Orders[Note], Orders[Amount])', [40, 40, 40, 40]],
    ['XLOOKUP(5, Orders[Note], Orders[Amount], -1)', [-1, -1, -1, -1]], // exact match does not coerce "5"
    ['XLOOKUP("a~*b", Orders[Note], Orders[Amount], -1)', [-1, -1, -1, -1]], // no wildcards in exact mode
    ['XLOOKUP(250, Orders[Amount], Orders[Note])', [null, null, null, null]], // a blank cell stays blank (settled 2)
    ['XLOOKUP({Id}, Orders[Customer], Orders[Amount], 1/0)', [100, 40, err('#DIV/0!'), err('#DIV/0!')]],
    ['XLOOKUP(1/0, Orders[Customer], Orders[Amount])', [err('#DIV/0!'), err('#DIV/0!'), err('#DIV/0!'), err('#DIV/0!')]],
  ])('%s', (formula, expected) => {
    expect(all(formula, customers, tables)).toMatchObject(expected);
  });
});
