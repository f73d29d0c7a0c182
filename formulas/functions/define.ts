// The contract between the compiler (eval/compile.ts) and the function library (functions/*.ts).
// Each function is declared once here-shaped: name, params, result type, implementation and docs,
// and the editor's autocomplete and help read the same declarations.

import type { Column, EvalContext } from '../eval/context';
import type { StaticType, Value } from '../eval/values';

export type FunctionCategory =
  | 'logical'
  | 'information'
  | 'math'
  | 'text'
  | 'date'
  | 'statistics'
  | 'conditional'
  | 'segmentation';

/** value: one value per row; column: a whole column ([F] or T[F]); either: both are accepted. */
export type ArgKind = 'value' | 'column' | 'either';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** This param and the ones after it repeat as a group (SUMIFS criteria pairs, IFS pairs, SUM values). */
  readonly repeats?: boolean;
}

/** An argument as the implementation sees it. Value arguments are lazy: call eval(row) only when needed. */
export type Arg =
  | {
      readonly kind: 'value';
      readonly type: StaticType;
      /** true when the argument is a field reference `{F}` (Excel's reference semantics, FORMULAS.md settled 1). */
      readonly isReference: boolean;
      readonly eval: (row: number) => Value;
    }
  | { readonly kind: 'column'; readonly type: StaticType; readonly column: Column };

export interface FunctionDoc {
  readonly summary: string;
  readonly syntax: string;
  readonly example: string;
}

/** A fact behind a column function's answer, for "why is this customer in group A?". */
export interface ExplainFact {
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly value: Value;
}

export interface FunctionDef {
  /** Upper-case name as users type it. */
  readonly name: string;
  readonly category: FunctionCategory;
  readonly params: readonly ParamSpec[];
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  /** Result type from the argument types (known after checking). */
  readonly returns: (argTypes: readonly StaticType[]) => StaticType;
  /** Depends on whole columns: any change in those columns recomputes every row. */
  readonly columnWide: boolean;
  /** Depends on the as-of date (TODAY). */
  readonly usesToday?: boolean;
  /** Evaluates one row. Never throws on data: problems are ErrorValues. */
  readonly call: (args: readonly Arg[], row: number, ctx: EvalContext) => Value;
  /** Facts behind the answer for one row (rank, count below, cumulative share…). */
  readonly explain?: (args: readonly Arg[], row: number, ctx: EvalContext) => readonly ExplainFact[];
  readonly docs: { readonly 'zh-CN': FunctionDoc; readonly en: FunctionDoc };
}

export function defineFunction(def: FunctionDef): FunctionDef {
  return def;
}
