// The only entry of common/: what server and web both use. Pure TypeScript; imports only formulas/.

// Cell text: the one reading of typed, pasted, imported and API-written text into number, date and boolean cells
export { FALSE_WORDS, readBooleanText, TRUE_WORDS } from './cell-text/boolean-text';
export { isBlankText, readCellText } from './cell-text/cell-text';
export type { CellRefusal, CellTextRead, TypedKind } from './cell-text/cell-text';
export { DATE_FORMS, readDateText } from './cell-text/date-text';
export type { DateText } from './cell-text/date-text';
export { halfWidth } from './cell-text/half-width';
export { MAX_SIGNIFICANT_DIGITS, readNumberText } from './cell-text/number-text';
export type { NumberRefusal } from './cell-text/number-text';
export { refusalText } from './cell-text/refusal-text';

// The wire: every type that crosses the HTTP API
export * from './wire';

// Limits
export { MAX_TEXT } from './limits';
