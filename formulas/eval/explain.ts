// The evaluation trace of one row: every sub-expression that was actually evaluated with its value, which
// IF/IFS/SWITCH/IFERROR/IFNA branch was taken (branches not taken are absent, as they were never run),
// and the facts column functions give behind their answer — "why is this customer in group A?".

import type { Language } from '../diagnostics/codes';
import type { Arg } from '../functions/define';
import { unwrapParens, type Bound, type CheckedFormula } from '../types/bound';
import { createEnv, safeRow, type FormulaData, type Maker, type Tracer } from './compile';
import { toCellValue } from './convert';
import { branchNote } from './explain-notes';
import type { EvalContext } from './context';
import type { CellValue, Value } from './values';

export interface TraceFact {
  readonly label: string;
  readonly value: CellValue;
}

export interface TraceNode {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly value: CellValue;
  readonly note?: string;
  readonly facts?: readonly TraceFact[];
  readonly children: readonly TraceNode[];
}

export interface Explanation {
  readonly value: CellValue;
  readonly trace: TraceNode;
}

interface RawTrace {
  readonly bound: Bound | undefined;
  value: Value;
  args?: readonly Arg[];
  readonly children: RawTrace[];
  readonly seen: Map<Bound, RawTrace>;
}

export function explainRow(checked: CheckedFormula, maker: Maker, data: FormulaData, row: number, language: Language): Explanation {
  const root: RawTrace = { bound: undefined, value: null, children: [], seen: new Map() };
  const stack: RawTrace[] = [root];
  const tracer: Tracer = {
    run(bound, at, compute, call) {
      // Column functions may evaluate arguments at other rows; only this row belongs in its trace.
      if (at !== row) return compute();
      const parent = stack[stack.length - 1] as RawTrace;
      // An implementation may read an argument twice; the trace shows it once.
      const known = parent.seen.get(bound);
      if (known !== undefined) return known.value;
      const trace: RawTrace = { bound, value: null, children: [], seen: new Map() };
      if (call !== undefined) trace.args = call.args;
      parent.children.push(trace);
      parent.seen.set(bound, trace);
      stack.push(trace);
      try {
        trace.value = compute();
      } finally {
        stack.pop();
      }
      return trace.value;
    },
  };
  const env = createEnv(data, tracer);
  const value = safeRow(maker(env), row);
  const build = (raw: RawTrace): TraceNode => toNode(checked.source, raw, row, env.ctx, language);
  const first = root.children[0];
  const span = checked.root.node.span;
  const cell = toCellValue(value, language);
  const built = first === undefined ? undefined : build(first);
  // The root covers the whole formula; parentheses around it are not traced, so wrap their content.
  const trace: TraceNode =
    built !== undefined && built.start === span.start && built.end === span.end
      ? { ...built, value: cell }
      : { text: checked.source.slice(span.start, span.end), start: span.start, end: span.end, value: cell, children: built === undefined ? [] : [built] };
  return { value: cell, trace };
}

function toNode(source: string, raw: RawTrace, row: number, ctx: EvalContext, language: Language): TraceNode {
  const bound = raw.bound as Bound;
  const { start, end } = bound.node.span;
  const children = raw.children.map((child) => toNode(source, child, row, ctx, language));
  let note: string | undefined;
  let facts: TraceFact[] | undefined;
  if (bound.kind === 'call') {
    const evaluated = bound.args.map((arg) => raw.seen.has(arg) || raw.seen.has(unwrapParens(arg)));
    note = branchNote(bound.def.name, bound.args.length, evaluated, language);
    for (const arg of bound.args) {
      const inner = unwrapParens(arg);
      if (inner.kind !== 'column') continue;
      const { start: s, end: e } = arg.node.span;
      const columnArg = raw.args?.find((a) => a.kind === 'column' && a.column.key === `${inner.tableId}.${inner.fieldId}`);
      const size = columnArg?.kind === 'column' ? columnArg.column.values.length : 0;
      children.push({
        text: source.slice(s, e),
        start: s,
        end: e,
        value: null,
        note: language === 'zh-CN' ? `整列，${size} 个值` : `the whole column, ${size} values`,
        children: [],
      });
    }
    if (bound.def.explain !== undefined && raw.args !== undefined) {
      try {
        facts = bound.def.explain(raw.args, row, ctx).map((f) => ({ label: f.label[language], value: toCellValue(f.value, language) }));
      } catch {
        facts = undefined; // facts are a help, never a reason for explain to fail
      }
      if (note === undefined && facts !== undefined && facts.length > 0) {
        note = facts.map((f) => `${f.label}: ${typeof f.value === 'object' && f.value !== null ? f.value.error : String(f.value)}`).join('; ');
      }
    }
  }
  children.sort((a, b) => a.start - b.start);
  return {
    text: source.slice(start, end),
    start,
    end,
    value: toCellValue(raw.value, language),
    ...(note === undefined ? {} : { note }),
    ...(facts === undefined ? {} : { facts }),
    children,
  };
}
