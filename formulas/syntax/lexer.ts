// Hand-written scanner. It never throws: anything it cannot read becomes an `error` token carrying its
// problem and exact span (as Angular's expression lexer does), so the parser can report every problem
// and the editor can still highlight the rest.

import { span } from './span';
import type { LexProblem, Token, TokenKind } from './token';

/** Full-width punctuation typed by Chinese input methods, read as its ASCII twin (FORMULAS.md). */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '，': ',', '（': '(', '）': ')', '＋': '+', '－': '-', '＊': '*', '／': '/', '＾': '^',
  '＆': '&', '＝': '=', '＜': '<', '＞': '>', '％': '%',
};

const OPERATOR_CHARS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);
const NAME_START = /[\p{L}_#]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_.]/u;
const DIGIT = /[0-9]/;

/** NAME_PART with an ASCII fast path: names are scanned character by character. */
function isNamePart(code: number, ch: string): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46;
  }
  return NAME_PART.test(ch);
}

function twin(ch: string | undefined): string | undefined {
  if (ch === undefined) return undefined;
  return FULL_WIDTH[ch] ?? ch;
}

export function tokenize(source: string): Token[] {
  const tokens = scan(source, new Set());
  // An unclosed text at the end is often the echo of an earlier mismatched pair: in `"是”,"否"` the
  // first text swallows `”,` and the last quote is left open. If an earlier text holds the other kind of
  // closing quote, read that as its (mismatched) end and keep the reading if it leaves no text open.
  if (!tokens.some((t) => t.problem?.code === 'FORMULA_UNTERMINATED_STRING')) return tokens;
  const forced = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'string') continue;
    const other = t.quote === '"' ? '”' : '"';
    const at = t.text.indexOf(other, 1);
    if (at > 0 && at < t.text.length - 1) forced.add(t.span.start + at);
  }
  if (forced.size === 0) return tokens;
  const again = scan(source, forced);
  return again.some((t) => t.problem?.code === 'FORMULA_UNTERMINATED_STRING') ? tokens : again;
}

function scan(source: string, forcedCloses: ReadonlySet<number>): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (kind: TokenKind, start: number, value: string, extra?: Partial<Token>): void => {
    tokens.push({ kind, span: span(start, pos), text: source.slice(start, pos), value, ...extra });
  };
  const fail = (start: number, problem: LexProblem, value = ''): void => {
    push('error', start, value, { problem });
  };

  while (pos < source.length) {
    const start = pos;
    const raw = source[pos] as string;
    if (raw === ' ' || (raw > ' ' ? raw.charCodeAt(0) > 0x7f && /\s/u.test(raw) : /\s/.test(raw))) {
      pos++;
      continue;
    }
    const ch = twin(raw) as string;
    if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(source[pos + 1] ?? ''))) {
      pos = scanNumber(source, pos);
      const text = source.slice(start, pos);
      const value = Number(text);
      if (/[eE][+-]?$/.test(text) || !Number.isFinite(value)) fail(start, { code: 'FORMULA_BAD_NUMBER', text }, text);
      else push('number', start, text);
    } else if (ch === '"' || ch === '“') {
      scanString(ch);
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      pos++;
      // Names may hold anything but the four brackets, so the first of them ends the reference.
      while (pos < source.length && !'{}[]'.includes(source[pos] as string)) pos++;
      if (source[pos] === close) {
        pos++;
        push(ch === '{' ? 'field' : 'column', start, source.slice(start + 1, pos - 1));
      } else {
        fail(start, { code: 'FORMULA_UNTERMINATED_REF', close }, source.slice(start + 1, pos));
      }
    } else if (ch === "'") {
      scanQuotedName();
    } else if (NAME_START.test(ch)) {
      pos++;
      while (pos < source.length && isNamePart(source.charCodeAt(pos), source[pos] as string)) pos++;
      push('name', start, source.slice(start, pos));
    } else if (ch === '(' || ch === ')' || ch === ',') {
      pos++;
      push(ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', start, ch);
    } else if (OPERATOR_CHARS.has(ch)) {
      pos++;
      const next = twin(source[pos]);
      if ((ch === '<' && (next === '>' || next === '=')) || (ch === '>' && next === '=')) {
        pos++;
        push('op', start, ch + next);
      } else {
        push('op', start, ch);
      }
    } else {
      // One whole code point, so an emoji is reported as one character, not half a surrogate pair.
      const cp = source.codePointAt(pos) ?? 0;
      pos += cp > 0xffff ? 2 : 1;
      fail(start, { code: 'FORMULA_UNEXPECTED_CHAR', char: source.slice(start, pos) });
    }
  }
  tokens.push({ kind: 'eof', span: span(pos, pos), text: '', value: '' });
  return tokens;

  function scanString(open: '"' | '“'): void {
    const start = pos;
    const close = open === '"' ? '"' : '”';
    const other = open === '"' ? '”' : '"';
    pos++;
    let value = '';
    while (pos < source.length) {
      const c = source[pos] as string;
      if (forcedCloses.has(pos)) {
        pos++;
        fail(start, { code: 'FORMULA_QUOTE_MISMATCH', open, close: other }, value);
        return;
      }
      if (c === close) {
        // `""` inside a "-string is one quote character, as Excel.
        if (open === '"' && source[pos + 1] === '"') {
          value += '"';
          pos += 2;
          continue;
        }
        pos++;
        push('string', start, value, { quote: open });
        return;
      }
      value += c;
      pos++;
    }
    // Never closed. If the other kind of closing quote is inside, the user most likely meant it to close
    // the string: say so, and end the string there so the rest of the formula still parses.
    const body = source.slice(start + 1);
    const mismatch = body.indexOf(other);
    if (mismatch >= 0) {
      pos = start + 1 + mismatch + 1;
      fail(start, { code: 'FORMULA_QUOTE_MISMATCH', open, close: other }, body.slice(0, mismatch));
    } else {
      fail(start, { code: 'FORMULA_UNTERMINATED_STRING' }, value);
    }
  }

  function scanQuotedName(): void {
    const start = pos;
    pos++;
    let value = '';
    while (pos < source.length) {
      const c = source[pos] as string;
      if (c === "'") {
        if (source[pos + 1] === "'") {
          value += "'";
          pos += 2;
          continue;
        }
        pos++;
        push('quotedName', start, value);
        return;
      }
      value += c;
      pos++;
    }
    fail(start, { code: 'FORMULA_UNTERMINATED_REF', close: "'" }, value);
  }
}

function scanNumber(source: string, from: number): number {
  let pos = from;
  while (DIGIT.test(source[pos] ?? '')) pos++;
  if (source[pos] === '.') {
    pos++;
    while (DIGIT.test(source[pos] ?? '')) pos++;
  }
  if (source[pos] === 'e' || source[pos] === 'E') {
    const signed = source[pos + 1] === '+' || source[pos + 1] === '-';
    const digitAt = pos + (signed ? 2 : 1);
    if (DIGIT.test(source[digitAt] ?? '')) {
      pos = digitAt;
      while (DIGIT.test(source[pos] ?? '')) pos++;
    } else if (signed) {
      pos += 2; // `1e+` with no digits: a malformed exponent, reported by the caller
    } else if (!NAME_PART.test(source[pos + 1] ?? '')) {
      pos++; // `1e` alone
    }
  }
  return pos;
}
