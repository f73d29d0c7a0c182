// Yes/no text: the one list of words a boolean cell takes (typed, pasted, imported or written by the API).
import { halfWidth } from './half-width';

/** Lower case; "x" is in neither list: in a sheet it marks a tick as often as a cross (×). */
export const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', 'checked', '是', '对', '真', '√', '✓', '✔']);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', 'unchecked', '否', '不是', '错', '假', '×', '✗', '✘']);

export function readBooleanText(text: string): boolean | 'notBoolean' {
  const t = halfWidth(text).trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return 'notBoolean';
}
