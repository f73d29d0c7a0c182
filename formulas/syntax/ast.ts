// The syntax tree: a tagged union on `kind`, every node with its source span. Parentheses are kept as
// nodes so the trace of explain and the printer follow what the user wrote.

import type { BinaryOp, UnaryOp } from '../eval/operators';
import type { Span } from './span';

/** shown: references name fields; stored: `#id` in a reference is an id (README "Shown form and stored form"). */
export type FormulaForm = 'shown' | 'stored';

/** A name as written inside a reference. `byId` is true for `#id` in the stored form. */
export interface RefName {
  readonly name: string;
  readonly byId: boolean;
  readonly span: Span;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'text'; readonly value: string; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  /** `{F}`: this row's value of a field of the same table. */
  | { readonly kind: 'field'; readonly field: RefName; readonly span: Span }
  /** `[F]`, `T[F]`, `'T'[F]`: a whole column. */
  | { readonly kind: 'column'; readonly table?: RefName; readonly field: RefName; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'percent'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly nameSpan: Span; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'paren'; readonly inner: Expr; readonly span: Span }
  /** Tolerant parsing: where a value was expected but none could be read. Always has a diagnostic. */
  | { readonly kind: 'missing'; readonly span: Span };

export type ExprKind = Expr['kind'];

/** Binary operator precedence, Excel's order; all binary operators are left-associative (2^3^2 = 64). */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1,
  '&': 2,
  '+': 3, '-': 3,
  '*': 4, '/': 4,
  '^': 5,
};
/** Postfix % binds tighter than ^, prefix minus tighter still: -2^2 = 4. */
export const PERCENT_PRECEDENCE = 6;
export const UNARY_PRECEDENCE = 7;

export function isBinaryOp(op: string): op is BinaryOp {
  return Object.prototype.hasOwnProperty.call(BINARY_PRECEDENCE, op);
}

/** Direct children, in source order (for walkers that do not care about the kind). */
export function children(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'number':
    case 'text':
    case 'boolean':
    case 'field':
    case 'column':
    case 'missing':
      return [];
    case 'unary':
    case 'percent':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    case 'paren':
      return [node.inner];
  }
}

/** Every node, parents before children, without recursion (trees can be thousands of nodes deep). */
export function walk(root: Expr, visit: (node: Expr) => void): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    visit(node);
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expr);
  }
}
