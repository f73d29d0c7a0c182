// The parser's entry: limits first (length, then the tree's depth), then lexing and the Pratt parser.
// Lexer problems become diagnostics here, once, so the parser can treat error tokens quietly.

import { createDiagnosticSink, type DiagnosticSink } from '../diagnostics/diagnostic';
import type { Diagnostic, Language } from '../diagnostics/codes';
import { children, type Expr, type FormulaForm } from './ast';
import { tokenize } from './lexer';
import { MAX_SOURCE_LENGTH, MAX_TREE_DEPTH } from './limits';
import { Parser } from './pratt';
import { span } from './span';
import type { Token } from './token';

export { MAX_DEPTH, MAX_SOURCE_LENGTH, MAX_TREE_DEPTH } from './limits';
export type { FormulaForm } from './ast';

export interface ParseOptions {
  readonly form?: FormulaForm;
  readonly language?: Language;
}

export interface ParseResult {
  /** Undefined only when nothing could be read (empty, over-long or over-deep source). */
  readonly ast?: Expr;
  readonly diagnostics: readonly Diagnostic[];
}

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const sink = createDiagnosticSink(options.language ?? 'en');
  if (source.length > MAX_SOURCE_LENGTH) {
    sink.report('FORMULA_TOO_LONG', span(MAX_SOURCE_LENGTH, source.length), { length: source.length, max: MAX_SOURCE_LENGTH });
    return { diagnostics: sink.list };
  }
  const tokens = tokenize(source);
  reportLexErrors(tokens, sink);
  const ast = new Parser(source, tokens, options.form ?? 'shown', sink).parseFormula();
  if (ast === undefined) return { diagnostics: sink.list };
  const deepest = deepestNode(ast);
  if (deepest !== undefined) {
    sink.report('FORMULA_TOO_DEEP', deepest.span, { max: MAX_TREE_DEPTH, chain: 'yes' });
    return { diagnostics: sink.list };
  }
  return { ast, diagnostics: sink.list };
}

/** The first node deeper than MAX_TREE_DEPTH, found without recursion. */
function deepestNode(root: Expr): Expr | undefined {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Expr, number];
    if (depth > MAX_TREE_DEPTH) return node;
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  return undefined;
}

export function reportLexErrors(tokens: readonly Token[], sink: DiagnosticSink): void {
  for (const t of tokens) {
    const p = t.problem;
    if (p === undefined) continue;
    switch (p.code) {
      case 'FORMULA_UNEXPECTED_CHAR':
        sink.report(p.code, t.span, { char: p.char });
        break;
      case 'FORMULA_UNTERMINATED_STRING':
        sink.report(p.code, t.span);
        break;
      case 'FORMULA_QUOTE_MISMATCH':
        sink.report(p.code, t.span, { open: p.open, close: p.close, expected: p.open === '"' ? '"' : '”' });
        break;
      case 'FORMULA_UNTERMINATED_REF':
        sink.report(p.code, t.span, { close: p.close });
        break;
      case 'FORMULA_BAD_NUMBER':
        sink.report(p.code, t.span, { text: p.text });
        break;
    }
  }
}
