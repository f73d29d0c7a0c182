import { FormulaError } from '../diagnostics/formula-error';
import { sortDiagnostics } from '../diagnostics/diagnostic';
import type { Expr } from './ast';
import { parse, type ParseOptions } from './parser';

/** Strict parsing: the tree, or a FormulaError with every diagnostic (the first one in code/start/end). */
export function parseOrThrow(source: string, options: ParseOptions = {}): Expr {
  const result = parse(source, options);
  if (result.ast === undefined || result.diagnostics.length > 0) {
    throw new FormulaError(sortDiagnostics(result.diagnostics));
  }
  return result.ast;
}
