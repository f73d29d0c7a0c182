// Excel wildcards (* any run, ? one character, ~ escapes * ? ~) matched without regular expressions:
// a pattern is split at its stars into segments, and segments are placed leftmost-first, which is exact
// for globs and takes O(text × pattern) at worst, never the exponential backtracking a regex can hit on
// 32,767-character cells (FORMULAS.md "Limits": never a hang). Case-insensitive, as Excel.

/** A segment between stars: characters, with null standing for `?`. */
type Segment = readonly (string | null)[];

export interface Wildcard {
  readonly segments: readonly Segment[];
  readonly leadingStar: boolean;
  readonly trailingStar: boolean;
}

export function compileWildcard(pattern: string): Wildcard {
  const segments: (string | null)[][] = [[]];
  let leadingStar = false;
  let trailingStar = false;
  const lower = pattern.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] ?? '';
    const next = lower[i + 1];
    const current = segments[segments.length - 1] as (string | null)[];
    trailingStar = false;
    if (c === '~' && (next === '*' || next === '?' || next === '~')) {
      current.push(next);
      i++;
    } else if (c === '*') {
      if (i === 0) leadingStar = true;
      if (current.length > 0) segments.push([]);
      trailingStar = true;
    } else current.push(c === '?' ? null : c);
  }
  return { segments: segments.filter((s) => s.length > 0), leadingStar, trailingStar };
}

function matchesAt(segment: Segment, text: string, at: number): boolean {
  if (at + segment.length > text.length) return false;
  for (let j = 0; j < segment.length; j++) {
    const p = segment[j];
    if (p !== null && p !== text[at + j]) return false;
  }
  return true;
}

function findFrom(segment: Segment, text: string, from: number): number {
  for (let at = from; at + segment.length <= text.length; at++) if (matchesAt(segment, text, at)) return at;
  return -1;
}

/** Places segments first..last leftmost from `from`; the end of the last, or -1. */
function placeRest(w: Wildcard, text: string, first: number, from: number): number {
  let pos = from;
  for (let k = first; k < w.segments.length; k++) {
    const segment = w.segments[k] as Segment;
    const at = findFrom(segment, text, pos);
    if (at === -1) return -1;
    pos = at + segment.length;
  }
  return pos;
}

/** Does the whole text match (criteria "北*", "a?c")? */
export function wildcardMatches(w: Wildcard, value: string): boolean {
  const text = value.toLowerCase();
  const segs = w.segments;
  if (segs.length === 0) return w.leadingStar || text.length === 0;
  const first = segs[0] as Segment;
  const last = segs[segs.length - 1] as Segment;
  if (segs.length === 1 && !w.leadingStar && !w.trailingStar) {
    return text.length === first.length && matchesAt(first, text, 0);
  }
  let start = 0;
  let firstFree = 0;
  if (!w.leadingStar) {
    if (!matchesAt(first, text, 0)) return false;
    start = first.length;
    firstFree = 1;
  }
  if (w.trailingStar) return placeRest(w, text, firstFree, start) !== -1;
  // The last segment is pinned to the end; the middle ones go leftmost in between.
  const tail = text.length - last.length;
  if (tail < start || !matchesAt(last, text, tail)) return false;
  const middleEnd = segs.length - 1;
  if (firstFree > middleEnd) return true;
  const middle: Wildcard = { segments: segs.slice(firstFree, middleEnd), leadingStar: true, trailingStar: true };
  const end = placeRest(middle, text.slice(0, tail), 0, start);
  return end !== -1;
}

/** SEARCH: the first index ≥ from where the pattern matches a piece of the text, or -1. */
export function wildcardSearch(w: Wildcard, value: string, from: number): number {
  const text = value.toLowerCase();
  const segs = w.segments;
  if (segs.length === 0 || w.leadingStar) {
    // A leading * matches from the start position itself, if the rest can be placed after it.
    return from <= text.length && placeRest(w, text, 0, from) !== -1 ? from : -1;
  }
  const first = segs[0] as Segment;
  const at = findFrom(first, text, from);
  if (at === -1) return -1;
  // Placing the rest only gets harder further right: if it fails here, it fails everywhere.
  return placeRest(w, text, 1, at + first.length) === -1 ? -1 : at;
}
