export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Language } from './codes';
export { diagnosticMessage, type MessageParams } from './messages';
export { createDiagnosticSink, sortDiagnostics, syntax, type DiagnosticSink } from './diagnostic';
