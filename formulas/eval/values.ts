// Run-time values of the formula language (shared/FORMULAS.md "Values").
// Plain JS values where possible so columns of numbers and text cost nothing extra;
// dates and errors are small classes so they can be told apart from numbers and text.

export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#NAME?' | '#REF!' | '#NUM!' | '#N/A' | '#CYCLE!';

export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** An error value in a cell: never thrown, always returned. */
export class ErrorValue {
  constructor(
    readonly code: ErrorCode,
    readonly message?: LocalizedText,
  ) {}
}

/** A calendar day, stored as an Excel serial number (1900 date system, 1900-01-01 = 1, with Excel's leap-year bug). */
export class DateValue {
  constructor(readonly serial: number) {}
}

/** null is a blank cell. */
export type Value = number | string | boolean | null | DateValue | ErrorValue;

/** What the checker knows about an expression before it runs. */
export type StaticType = 'number' | 'text' | 'boolean' | 'date' | 'mixed';

/** The JSON form of a value (API.md / FORMULAS.md): dates as "YYYY-MM-DD", errors as {error, message}. */
export type CellValue = number | string | boolean | null | { error: ErrorCode; message?: string };

export function isError(value: Value): value is ErrorValue {
  return value instanceof ErrorValue;
}

export function isDate(value: Value): value is DateValue {
  return value instanceof DateValue;
}
