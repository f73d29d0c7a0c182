// The checked tree: each node resolved (field ids, function definitions) and typed, pointing back at
// its syntax node for spans and text. The compiler and explain read only this.

import type { BinaryOp, UnaryOp } from '../eval/operators';
import type { StaticType, Value } from '../eval/values';
import type { FunctionDef } from '../functions/define';
import type { FieldRef } from '../graph/graph';
import type { Expr } from '../syntax/ast';
import type { FormulaForm } from '../syntax/parser';

interface BoundBase {
  readonly node: Expr;
  readonly type: StaticType;
}

export type Bound =
  | (BoundBase & { readonly kind: 'literal'; readonly value: Value })
  | (BoundBase & { readonly kind: 'field'; readonly tableId: string; readonly fieldId: string })
  | (BoundBase & { readonly kind: 'column'; readonly tableId: string; readonly fieldId: string })
  | (BoundBase & { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Bound })
  | (BoundBase & { readonly kind: 'percent'; readonly operand: Bound })
  | (BoundBase & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Bound; readonly right: Bound })
  | (BoundBase & { readonly kind: 'call'; readonly def: FunctionDef; readonly args: readonly Bound[] })
  | (BoundBase & { readonly kind: 'paren'; readonly inner: Bound })
  /** Could not be resolved; only in trees that carry diagnostics, never compiled. */
  | (BoundBase & { readonly kind: 'invalid' });

/** A formula that passed every check: the only input compileFormula accepts. */
export interface CheckedFormula {
  readonly source: string;
  readonly form: FormulaForm;
  readonly tableId: string;
  readonly root: Bound;
  readonly resultType: StaticType;
  readonly references: readonly FieldRef[];
  readonly columnWide: boolean;
  readonly usesToday: boolean;
}

/** Looks through parentheses: `([F])` is still a column and `({F})` still a reference, as in Excel. */
export function unwrapParens(bound: Bound): Bound {
  let current = bound;
  while (current.kind === 'paren') current = current.inner;
  return current;
}
