import type { Diagnostic, DiagnosticCode } from './codes';

/**
 * A formula refused at save time, thrown by the strict entry points (evaluateFormula, parseOrThrow).
 * Carries the first problem as code/message/start/end, and all of them in `diagnostics`.
 */
export class FormulaError extends Error {
  readonly code: DiagnosticCode;
  readonly start: number;
  readonly end: number;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    if (first === undefined) throw new RangeError('FormulaError needs at least one diagnostic');
    super(first.message);
    this.name = 'FormulaError';
    this.code = first.code;
    this.start = first.start;
    this.end = first.end;
    this.diagnostics = diagnostics;
  }
}
