import type { Span } from '../syntax/span';
import type { Diagnostic, DiagnosticCode, Language } from './codes';
import { diagnosticMessage, type MessageParams } from './messages';

/** Builds diagnostics in one language; the stages share one so every message is in the user's language. */
export interface DiagnosticSink {
  readonly language: Language;
  readonly list: Diagnostic[];
  report(code: DiagnosticCode, at: Span, params?: MessageParams, suggestion?: string): void;
}

/** Past this many, more diagnostics only bury the first ones (8,000 stray ")" are one mistake to fix). */
export const MAX_DIAGNOSTICS = 100;

export function createDiagnosticSink(language: Language): DiagnosticSink {
  const list: Diagnostic[] = [];
  return {
    language,
    list,
    report(code, at, params = {}, suggestion) {
      if (list.length >= MAX_DIAGNOSTICS) return;
      const message = diagnosticMessage(code, params, language);
      list.push({ code, message, start: at.start, end: at.end, ...(suggestion === undefined ? {} : { suggestion }) });
    },
  };
}

/** Diagnostics in the order the user reads them. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A syntax message in both languages, chosen by the sink. */
export function syntax(zh: string, en: string): MessageParams {
  return { zh, en };
}
