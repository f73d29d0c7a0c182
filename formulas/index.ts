// The only entry of formulas/. Hand-picked: everything here is public API (README.md), nothing else is.

// Values
export { DateValue, ErrorValue, isDate, isError } from './eval/values';
export type { CellValue, ErrorCode, LocalizedText, StaticType, Value } from './eval/values';
export { fromCellValue, toCellValue } from './eval/convert';
export { isoFromSerial, serialFromIso } from './eval/dates';

// Diagnostics
export { DIAGNOSTIC_CODES, diagnosticMessage } from './diagnostics';
export type { Diagnostic, DiagnosticCode, Language } from './diagnostics';
export { FormulaError } from './diagnostics/formula-error';

// Syntax
export { tokenize } from './syntax/lexer';
export type { Token, TokenKind } from './syntax/token';
export { MAX_DEPTH, MAX_SOURCE_LENGTH, parse } from './syntax/parser';
export type { FormulaForm, ParseOptions, ParseResult } from './syntax/parser';
export { parseOrThrow } from './syntax/parse-or-throw';
export { print } from './syntax/printer';
export type { Expr, ExprKind, RefName } from './syntax/ast';
export type { Span } from './syntax/span';
export { contextAt } from './syntax/cursor';
export type { CallContext, CursorContext, CursorKind } from './syntax/cursor';

// Checking, shown and stored forms
export { checkFormula, shownToStored, storedToShown } from './types/checker';
export type { CheckOptions, CheckResult } from './types/checker';
export type { CheckedFormula } from './types/bound';
export type { DeletedField, FieldType, FormulaSchema, SchemaField, SchemaTable } from './types/schema';
export { libraryOf, registryLibrary } from './types/library';
export type { FunctionLibrary } from './types/library';
export { completionsAt } from './types/completions';
export type { Completion, Completions } from './types/completions';

// Functions
export { allFunctions, lookupFunction } from './functions/registry';
export type { Arg, ArgKind, ExplainFact, FunctionCategory, FunctionDef, FunctionDoc, ParamSpec } from './functions/define';
export type { Column, EvalContext } from './eval/context';

// Compile, evaluate, explain
export { compileFormula } from './eval/evaluate';
export type { CompiledFormula } from './eval/evaluate';
export type { FormulaData } from './eval/compile';
export type { Explanation, TraceFact, TraceNode } from './eval/explain';

// Dependency graph
export { createDependencyGraph, graphFromSchema } from './graph';
export type { Affected, Dependent, DependencyGraph, DependencyMode, FieldKey, FieldRef, GraphFormula } from './graph';

// The entry point of FORMULAS.md
export { evaluateFormula } from './evaluate-formula';
export type { TableData } from './evaluate-formula';
