// Filter, sort and search of a user table in SQL. Field ids are checked against the table; values are bound.
import { sql } from 'kysely';
import { readDateText } from '../../../common';
import type { RawBuilder } from 'kysely';
import { sqlColumn, sqlTagColumn } from '../../db/ids';
import { AppError } from '../../http/app-error';
import { checkJsonDepth, parseWith } from '../../http/validate';
import { FilterSchema, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, MAX_SORT_FIELDS } from '../../../common';
import type { CellInput, Filter, FilterCondition, Sort } from '../../../common';
import { declaredGroupValues } from '../meta';
import type { FieldMeta } from '../meta';

type Cond = RawBuilder<boolean>;

function fieldOf(fields: readonly FieldMeta[], fieldId: string): FieldMeta {
  const f = fields.find((x) => x.id === fieldId);
  if (!f) throw new AppError('FIELD_NOT_FOUND', { fieldId });
  return f;
}

/** Is the field stored as text (compare case-insensitively)? */
function isTextual(f: FieldMeta): boolean {
  return f.type === 'text' || f.type === 'select' || (f.type === 'formula' && (f.resultType === 'text' || f.resultType === 'mixed'));
}

function isBoolean(f: FieldMeta): boolean {
  return f.type === 'boolean' || (f.type === 'formula' && f.resultType === 'boolean');
}

function isNumeric(f: FieldMeta): boolean {
  return f.type === 'number' || (f.type === 'formula' && f.resultType === 'number');
}

function isDate(f: FieldMeta): boolean {
  return f.type === 'date' || (f.type === 'formula' && f.resultType === 'date');
}

/** A date compared with a date field: any form a date cell takes (2024/1/5 …), as stored; else the filter is wrong. */
function dateValue(f: FieldMeta, v: CellInput): string {
  const parsed = typeof v === 'string' ? readDateText(v) : 'notDate';
  if (parsed !== 'notDate') return parsed.iso;
  const shown = JSON.stringify(v);
  throw new AppError('BAD_REQUEST', {
    reason: `the filter compares field "${f.name}" with ${shown}, which is not a date (use YYYY-MM-DD)`,
    reasonZh: `筛选条件把字段“${f.name}”与 ${typeof v === 'string' ? `“${v}”` : shown} 比较，但它不是日期（请用 YYYY-MM-DD）`,
    fieldId: f.id,
  });
}

/** A filter value in the stored form of the field. */
function bindValue(f: FieldMeta, v: CellInput | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (isDate(f)) return dateValue(f, v);
  if (isBoolean(f)) return v === true || v === 'true' || v === 1 ? 1 : 0;
  if (isNumeric(f) && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function blank(f: FieldMeta): Cond {
  const c = sql.ref(sqlColumn(f.id));
  const base = isTextual(f) || f.type === 'date' ? sql<boolean>`(${c} is null or ${c} = '')` : sql<boolean>`${c} is null`;
  return f.type === 'formula' ? sql<boolean>`(${base} and ${sql.ref(sqlTagColumn(f.id))} is null)` : base;
}

function conditionSql(fields: readonly FieldMeta[], cond: FilterCondition): Cond {
  const f = fieldOf(fields, cond.fieldId);
  const c = sql.ref(sqlColumn(f.id));
  const col = isTextual(f) ? sql`${c} collate nocase` : c;
  const values = Array.isArray(cond.value) ? cond.value : [cond.value];
  const single = (): CellInput | undefined => {
    if (Array.isArray(cond.value)) throw new AppError('BAD_REQUEST', { reason: `filter op ${cond.op} takes one value`, reasonZh: `筛选运算 ${cond.op} 只接受一个值` });
    return cond.value;
  };
  const one = (): string | number | null => bindValue(f, single());
  // Part of a date is text to look for, not a date.
  const textToFind = (): string => String((isDate(f) ? single() : one()) ?? '');
  switch (cond.op) {
    case 'empty':
      return blank(f);
    case 'notEmpty':
      return sql<boolean>`not ${blank(f)}`;
    case 'eq': {
      const v = one();
      return v === null ? blank(f) : sql<boolean>`${col} = ${v}`;
    }
    case 'ne': {
      const v = one();
      return v === null ? sql<boolean>`not ${blank(f)}` : sql<boolean>`(${c} is null or ${col} <> ${v})`;
    }
    case 'gt':
      return sql<boolean>`${col} > ${one()}`;
    case 'gte':
      return sql<boolean>`${col} >= ${one()}`;
    case 'lt':
      return sql<boolean>`${col} < ${one()}`;
    case 'lte':
      return sql<boolean>`${col} <= ${one()}`;
    case 'between': {
      if (!Array.isArray(cond.value) || cond.value.length !== 2) throw new AppError('BAD_REQUEST', { reason: 'between takes [low, high]', reasonZh: 'between 需要 [下限, 上限] 两个值' });
      return sql<boolean>`${col} between ${bindValue(f, cond.value[0])} and ${bindValue(f, cond.value[1])}`;
    }
    case 'contains':
      return sql<boolean>`instr(lower(cast(${c} as text)), lower(${textToFind()})) > 0`;
    case 'notContains':
      return sql<boolean>`(${c} is null or instr(lower(cast(${c} as text)), lower(${textToFind()})) = 0)`;
    case 'in': {
      const list = values.filter((v) => v !== undefined).map((v) => bindValue(f, v));
      const nonNull = list.filter((v) => v !== null);
      const parts: Cond[] = [];
      // One bound JSON array, not one variable per value: SQLite binds at most 32,766 variables a statement.
      if (nonNull.length > 0) parts.push(sql<boolean>`${col} in (select value from json_each(${JSON.stringify(nonNull)}))`);
      if (nonNull.length < list.length) parts.push(blank(f));
      return parts.length === 0 ? sql<boolean>`0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
    }
  }
}

/**
 * `a and b and c …` as a balanced tree: SQLite parses a flat chain into an expression as deep as it is long, and
 * refuses one deeper than 1,000 (1,000 OR terms, or a search over 1,000 fields, were a 500).
 */
function joinBalanced(parts: readonly Cond[], op: 'and' | 'or'): Cond {
  const [first] = parts;
  if (first === undefined) return op === 'and' ? sql<boolean>`1` : sql<boolean>`0`;
  if (parts.length === 1) return first;
  const mid = parts.length >> 1;
  return sql<boolean>`(${joinBalanced(parts.slice(0, mid), op)} ${sql.raw(op)} ${joinBalanced(parts.slice(mid), op)})`;
}

/** The filter's size against the documented limits, before it is compiled. */
function checkFilterSize(filter: Filter): void {
  let conditions = 0;
  let deepest = 0;
  const stack: [Filter, number][] = [[filter, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [group, depth] = top;
    deepest = Math.max(deepest, depth);
    for (const item of 'and' in group ? group.and : group.or) {
      if ('fieldId' in item) conditions++;
      else stack.push([item, depth + 1]);
    }
  }
  if (deepest > MAX_FILTER_DEPTH) {
    throw new AppError('LIMIT_EXCEEDED', { limit: 'filterDepth', max: MAX_FILTER_DEPTH, actual: deepest, what: 'The nesting depth of the filter\'s and/or groups', whatZh: '筛选条件中“且/或”分组的嵌套层数' });
  }
  if (conditions > MAX_FILTER_CONDITIONS) {
    throw new AppError('LIMIT_EXCEEDED', {
      limit: 'filterConditions',
      max: MAX_FILTER_CONDITIONS,
      actual: conditions,
      what: 'The number of conditions in the filter',
      whatZh: '筛选条件的个数',
      hint: 'To match many values of one field, use one "in" condition with a list.',
      hintZh: '要匹配一个字段的多个值，请用一个带列表的 in 条件。',
    });
  }
}

/** The filter as SQL, fields checked against the table; over a limit (MAX_FILTER_*), 400 LIMIT_EXCEEDED. */
export function filterSql(fields: readonly FieldMeta[], filter: Filter): Cond {
  checkFilterSize(filter);
  return groupSql(fields, filter);
}

function groupSql(fields: readonly FieldMeta[], filter: Filter): Cond {
  const isAnd = 'and' in filter;
  const items = isAnd ? filter.and : filter.or;
  if (items.length === 0) return sql<boolean>`1`;
  return joinBalanced(items.map((item) => ('fieldId' in item ? conditionSql(fields, item) : groupSql(fields, item))), isAnd ? 'and' : 'or');
}

/** `q`: rows where any field's text contains the words (case-insensitive). */
export function searchSql(fields: readonly FieldMeta[], q: string): Cond {
  const needle = q.trim().toLowerCase();
  if (needle === '' || fields.length === 0) return sql<boolean>`1`;
  return joinBalanced(fields.map((f) => sql<boolean>`instr(lower(cast(${sql.ref(sqlColumn(f.id))} as text)), ${needle}) > 0`), 'or');
}

export function parseFilterParam(text: string | undefined): Filter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let input: unknown;
  try {
    input = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', { reason: 'filter is not valid JSON' });
  }
  checkJsonDepth(input);
  return parseWith(FilterSchema, input, 'query');
}

export function parseSortParam(text: string | undefined): Sort {
  if (text === undefined || text.trim() === '') return [];
  const parts = text.split(',');
  if (parts.length > MAX_SORT_FIELDS) {
    throw new AppError('LIMIT_EXCEEDED', { limit: 'sortFields', max: MAX_SORT_FIELDS, actual: parts.length, what: 'The number of sort fields', whatZh: '排序字段的个数' });
  }
  return parts.map((part) => {
    const [fieldId = '', dir = 'asc'] = part.trim().split(':');
    if (dir !== 'asc' && dir !== 'desc') throw new AppError('BAD_REQUEST', { reason: `sort direction must be asc or desc: ${part}` });
    return { fieldId, dir };
  });
}

/** A declared group value as the column stores it: number-like groups of a numeric column are numbers. */
function storedGroupValue(f: FieldMeta, value: string): string | number {
  const n = Number(value);
  return isNumeric(f) && value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** The place of the cell's value among the field's declared groups; values not declared come after them. */
function groupRankSql(f: FieldMeta, c: RawBuilder<unknown>, declared: readonly string[]): RawBuilder<unknown> {
  const whens = declared.map((v, i) => sql`when ${c} = ${storedGroupValue(f, v)} then ${i}`);
  return sql`(case ${sql.join(whens, sql` `)} else ${declared.length} end)`;
}

/** Text that reads as a number ("10", "2.5") sorts as that number, before other text (as in Excel). */
function numberLikeSql(c: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(typeof(${c}) in ('integer', 'real') or ${c} = cast(cast(${c} as integer) as text) or ${c} = cast(cast(${c} as real) as text))`;
}

/**
 * ORDER BY terms: blanks last whatever the direction, errors after values; a grouping column (or a select) in
 * its group order, then the values it does not declare; text that reads as a number as that number; then the
 * row id.
 */
export function orderSql(fields: readonly FieldMeta[], sort: Sort): RawBuilder<unknown> {
  const terms: RawBuilder<unknown>[] = [];
  for (const s of sort) {
    const f = fieldOf(fields, s.fieldId);
    const c = sql.ref(sqlColumn(f.id));
    const dir = sql.raw(s.dir);
    terms.push(sql`(${c} is null) asc`);
    if (f.type === 'formula') terms.push(sql`(${sql.ref(sqlTagColumn(f.id))} is not null and ${sql.ref(sqlTagColumn(f.id))} <> 'B') asc`);
    const declared = declaredGroupValues(f);
    if (declared.length > 0) terms.push(sql`${groupRankSql(f, c, declared)} ${dir}`);
    if (isTextual(f)) {
      const numberLike = numberLikeSql(c);
      terms.push(sql`(case when ${numberLike} then 0 else 1 end) ${dir}`);
      terms.push(sql`(case when ${numberLike} then cast(${c} as real) end) ${dir}`);
      terms.push(sql`${c} collate nocase ${dir}`);
    } else terms.push(sql`${c} ${dir}`);
  }
  terms.push(sql`${sql.ref('id')} asc`);
  return sql.join(terms);
}
