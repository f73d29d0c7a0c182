const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;

/** Full-width digits, signs and spaces typed by Chinese input methods (１２３, －５, （１２）), as their ASCII twins. */
export function halfWidth(text: string): string {
  // Most text has none: test before building a new string.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
