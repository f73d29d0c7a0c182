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
      /** Set when the argument is a literal: its value on every row. */
      readonly constant?: Value;
      /** Set when the argument is `{F} op number` with op < <= > >=: lets a compiled form test it inline. */
      readonly comparison?: FieldComparison;
    }
  | { readonly kind: 'column'; readonly type: StaticType; readonly column: Column };

/**
 * `{F} op constant`. Where the field's value is a number clearly apart from the constant (15-digit equality,
 * settled 5) the answer is the plain JS comparison; otherwise the argument's `eval` decides.
 */
export interface FieldComparison {
  readonly values: readonly Value[];
  readonly constant: number;
  /** true for > and >=, false for < and <=. */
  readonly greater: boolean;
}

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
  /** Depends on whole columns: a change anywhere in those columns recomputes every row. */
  readonly columnWide: boolean;
  /** Depends on the as-of date (TODAY). */
  readonly usesToday?: boolean;
  /** Evaluates one row. Never throws on data: problems are ErrorValues. */
  readonly call: (args: readonly Arg[], row: number, ctx: EvalContext) => Value;
  /**
   * Optional fast path: the row function of one call, built once per evaluation from its arguments, so the
   * work that is the same for every row (reading columns, finding indexes, constant arguments, the shape of
   * the call) is done once. It must return exactly what `call` returns on every row; traced runs (explain)
   * always use `call`, and eval/fast-paths.test.ts compares the two on blanks, errors and text.
   */
  readonly compile?: (args: readonly Arg[], ctx: EvalContext) => (row: number) => Value;
  /**
   * The result may differ between rows given the same arguments (test doubles that log or fail per row).
   * Functions of the language are pure: a call without `{F}` inside has one value per evaluation and is
   * computed once (`SUM([x])` in `{x}/SUM([x])`); this opts out of that.
   */
  readonly rowDependent?: boolean;
  /** Facts behind the answer for one row (rank, count below, cumulative share…). */
  readonly explain?: (args: readonly Arg[], row: number, ctx: EvalContext) => readonly ExplainFact[];
  readonly docs: { readonly 'zh-CN': FunctionDoc; readonly en: FunctionDoc };
}

export function defineFunction(def: FunctionDef): FunctionDef {
  return def;
}
