import { autocompletion, completionKeymap, type CompletionContext, type CompletionResult as CmResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension, RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap, placeholder, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { Diagnostic } from '../../formulas';
import type { Field, Language } from '../api/types';
import { completionsAt, highlights } from './formula-lang';

export interface FormulaEditorOptions {
  doc: string;
  parent: HTMLElement;
  fields: () => readonly Field[];
  language: () => Language;
  /** Diagnostics of the current text (local checker, merged with the server's). */
  diagnose: (source: string) => readonly Diagnostic[];
  onChange: (source: string) => void;
  onSubmit?: () => void;
  placeholderText?: string;
  ariaLabel?: string;
}

const marks = new Map<string, Decoration>();
function mark(cls: string): Decoration {
  let m = marks.get(cls);
  if (!m) {
    m = Decoration.mark({ class: `cm-${cls}` });
    marks.set(cls, m);
  }
  return m;
}

function buildDecorations(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const h of highlights(view.state.doc.toString())) b.add(h.from, h.to, mark(h.cls));
  return b.finish();
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = buildDecorations(view);
    }
    update(u: ViewUpdate): void {
      if (u.docChanged) this.decorations = buildDecorations(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

const theme = EditorView.theme({
  '&': { border: '1px solid #cbd5e1', borderRadius: '4px', background: '#fff', fontSize: '14px' },
  '&.cm-focused': { outline: '2px solid #2563eb', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "PingFang SC", "Microsoft YaHei", monospace', minHeight: '64px', padding: '6px 0' },
  '.cm-f-function': { color: '#7c3aed', fontWeight: '600' },
  '.cm-f-field': { color: '#0369a1', background: '#e0f2fe', borderRadius: '3px' },
  '.cm-f-column': { color: '#0f766e', background: '#ccfbf1', borderRadius: '3px' },
  '.cm-f-table': { color: '#0f766e', fontWeight: '600' },
  '.cm-f-string': { color: '#b45309' },
  '.cm-f-number': { color: '#15803d' },
  '.cm-f-bool': { color: '#be123c', fontWeight: '600' },
  '.cm-f-op': { color: '#475569' },
  '.cm-f-error': { color: '#dc2626', textDecoration: 'underline wavy #dc2626' },
});

/** A CodeMirror 6 editor for formulas: our lexer's highlighting, completion of functions and fields, live errors. */
export function createFormulaEditor(o: FormulaEditorOptions): EditorView {
  const complete = (ctx: CompletionContext): CmResult | null => {
    const r = completionsAt(ctx.state.doc.toString(), ctx.pos, o.fields(), o.language(), ctx.explicit);
    if (!r) return null;
    return {
      from: r.from,
      to: r.to,
      filter: false,
      options: r.options.map((c) => ({ label: c.label, apply: c.apply, type: c.kind === 'field' || c.kind === 'column' ? 'variable' : c.kind, detail: c.detail, info: c.info })),
    };
  };
  const lint = (view: EditorView): CmDiagnostic[] => {
    const len = view.state.doc.length;
    return o.diagnose(view.state.doc.toString()).map((d) => ({
      from: Math.min(d.start, len),
      to: Math.min(Math.max(d.end, d.start + 1), len),
      severity: 'error',
      message: d.message,
    }));
  };
  const extensions: Extension[] = [
    history(),
    keymap.of([
      { key: 'Mod-Enter', run: () => (o.onSubmit?.(), true) },
      ...completionKeymap,
      ...defaultKeymap,
      ...historyKeymap,
    ]),
    autocompletion({ override: [complete], activateOnTyping: true, icons: false }),
    linter(lint, { delay: 150 }),
    highlighter,
    theme,
    EditorView.lineWrapping,
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onChange(u.state.doc.toString());
    }),
    EditorView.contentAttributes.of({ 'aria-label': o.ariaLabel ?? 'formula', 'data-testid': 'formula-input' }),
  ];
  if (o.placeholderText) extensions.push(placeholder(o.placeholderText));
  return new EditorView({ state: EditorState.create({ doc: o.doc, extensions }), parent: o.parent });
}
