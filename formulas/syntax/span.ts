// Source positions. Offsets are UTF-16 code units into the source as given, because that is what
// JavaScript strings and CodeMirror use; an emoji therefore spans two units.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span covering both. */
export function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
