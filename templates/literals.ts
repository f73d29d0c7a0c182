// How names and values are written in the formula language (FORMULAS.md "References", "Literals").
// Field names may hold any character but { } [ ], so a field reference needs no escaping, only a check.

export type Language = 'zh-CN' | 'en';

/** The localized text of a {zh, en} pair for a workbook language. */
export function pick(text: { readonly zh: string; readonly en: string }, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

const FORBIDDEN = /[{}[\]]/;

/** Why a field or table name cannot be referenced, or undefined when it can. */
export function nameProblem(name: string, language: Language): string | undefined {
  if (name.trim() === '') return language === 'en' ? 'the name is empty' : '名称为空';
  const bad = FORBIDDEN.exec(name);
  if (bad)
    return language === 'en'
      ? `the name "${name}" contains "${bad[0]}": names may not contain { } [ ]`
      : `名称“${name}”包含“${bad[0]}”：名称中不能有 { } [ ]`;
  return undefined;
}

/** `{name}`: this row's value of a field. */
export function rowRef(name: string): string {
  return `{${name}}`;
}

/** `[name]`: the whole column of a field. */
export function columnRef(name: string): string {
  return `[${name}]`;
}

/** A table name as the qualifier of a column: bare when it is a plain ASCII identifier, else quoted ('' for '). */
export function tableRef(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^(true|false)$/i.test(name)) return name;
  return `'${name.replaceAll("'", "''")}'`;
}

/** `"text"`, with a quote written twice. */
export function textLiteral(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A number as a literal: plain decimal digits (no exponent when avoidable), negatives in parentheses. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const abs = Math.abs(value);
  let text = String(abs);
  if (text.includes('e')) {
    text = abs < 1e21 ? abs.toFixed(20).replace(/\.?0+$/, '') : text.replace('e+', 'e');
  }
  return value < 0 ? `(-${text})` : text;
}

export function booleanLiteral(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}
