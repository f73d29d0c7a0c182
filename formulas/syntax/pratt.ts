// Hand-written Pratt parser. It always recovers: the result is a (possibly partial) tree plus every
// diagnostic, so the editor can show all problems of half-typed input. It never recurses deeper than
// MAX_DEPTH nesting levels: past that it skips the rest of the group iteratively, so 10,000 "(" or "-"
// cannot overflow the stack.

import { syntax, type DiagnosticSink } from '../diagnostics/diagnostic';
import { BINARY_PRECEDENCE, PERCENT_PRECEDENCE, UNARY_PRECEDENCE, isBinaryOp, type Expr, type FormulaForm, type RefName } from './ast';
import { MAX_DEPTH } from './limits';
import { span } from './span';
import type { Token } from './token';

export class Parser {
  private pos = 0;
  private depth = 0;
  private reportedUnclosed = false;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly form: FormulaForm,
    private readonly sink: DiagnosticSink,
  ) {}

  parseFormula(): Expr | undefined {
    // Excel users often start with "="; it can mean nothing else here, so accept it silently.
    if (this.peek().kind === 'op' && this.peek().value === '=') this.pos++;
    if (this.peek().kind === 'eof') {
      this.sink.report('FORMULA_EMPTY', span(0, this.source.length));
      return undefined;
    }
    const ast = this.parseExpr(0);
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'rparen') {
        this.sink.report('FORMULA_UNBALANCED', t.span, { which: 'close' });
        this.pos++;
      } else if (t.kind === 'comma') {
        this.sink.report('FORMULA_SYNTAX', t.span, syntax('逗号只能用在函数的参数之间', 'a comma can only separate the arguments of a function'));
        this.pos++;
      } else {
        this.expected(t, '此处缺少运算符', 'an operator is missing here');
        const before = this.pos;
        this.parseExpr(0); // parsed only to report its own problems
        if (this.pos === before) this.pos++;
      }
    }
    return ast;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private expected(at: Token, zh: string, en: string): void {
    this.sink.report('FORMULA_SYNTAX', at.span, syntax(zh, en));
  }

  private parseExpr(minPrec: number): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'error' && t.problem?.code === 'FORMULA_UNEXPECTED_CHAR' && !isSemicolon(t)) {
        this.pos++; // already reported; skipping it lets the rest of the formula be checked
        continue;
      }
      if (t.kind !== 'op') break;
      if (t.value === '%') {
        if (PERCENT_PRECEDENCE < minPrec) break;
        this.pos++;
        left = { kind: 'percent', operand: left, span: span(left.span.start, t.span.end) };
        continue;
      }
      if (!isBinaryOp(t.value)) break;
      const prec = BINARY_PRECEDENCE[t.value];
      if (prec < minPrec) break;
      this.pos++;
      const right = this.parseExpr(prec + 1); // +1: every binary operator is left-associative, as Excel
      left = { kind: 'binary', op: t.value, left, right, span: span(left.span.start, right.span.end) };
    }
    return left;
  }

  private parsePrefix(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.pos++;
        return { kind: 'number', value: Number(t.value), span: t.span };
      case 'string':
        this.pos++;
        return { kind: 'text', value: t.value, span: t.span };
      case 'field':
        this.pos++;
        return { kind: 'field', field: this.refName(t.value, t.span.start + 1), span: t.span };
      case 'column':
        this.pos++;
        return { kind: 'column', field: this.refName(t.value, t.span.start + 1), span: t.span };
      case 'quotedName':
      case 'name':
        return this.parseName();
      case 'lparen':
        return this.nested(t, () => {
          this.pos++;
          const inner = this.parseExpr(0);
          const end = this.expectClose(t);
          return { kind: 'paren', inner, span: span(t.span.start, end) };
        });
      case 'op':
        if (t.value === '-' || t.value === '+') {
          const op = t.value;
          return this.nested(t, () => {
            this.pos++;
            const operand = this.parseExpr(UNARY_PRECEDENCE);
            return { kind: 'unary', op, operand, span: span(t.span.start, operand.span.end) };
          });
        }
        return this.missing(t);
      case 'error':
        this.pos++; // reported by reportLexErrors
        if (t.problem?.code === 'FORMULA_QUOTE_MISMATCH') return { kind: 'text', value: t.value, span: t.span };
        return { kind: 'missing', span: t.span };
      case 'rparen':
      case 'comma':
      case 'eof':
        return this.missing(t);
    }
  }

  /** A value was expected at `t` but `t` cannot start one: report and leave `t` for the caller. */
  private missing(t: Token): Expr {
    if (t.kind === 'eof') this.expected(t, '公式不完整：此处缺少一个值', 'the formula is incomplete: a value is missing here');
    else this.expected(t, `${t.text} 前面缺少一个值`, `a value is missing before ${t.text}`);
    return { kind: 'missing', span: span(t.span.start, t.span.start) };
  }

  private parseName(): Expr {
    const t = this.next();
    const after = this.peek();
    if (after.kind === 'column') {
      this.pos++;
      const quoted = t.kind === 'quotedName';
      const table = this.refName(t.value, t.span.start + (quoted ? 1 : 0));
      return { kind: 'column', table, field: this.refName(after.value, after.span.start + 1), span: span(t.span.start, after.span.end) };
    }
    if (t.kind === 'quotedName') {
      this.expected(
        t,
        `表名 ${t.text} 后面要跟 [字段名]；文本请用双引号："${t.value}"`,
        `a table name such as ${t.text} must be followed by [Field]; text goes in double quotes: "${t.value}"`,
      );
      return { kind: 'missing', span: t.span };
    }
    if (after.kind === 'lparen') return this.nested(t, () => this.parseCall(t));
    const upper = t.value.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', span: t.span };
    this.sink.report('FORMULA_BARE_NAME', t.span, { name: t.value });
    return { kind: 'missing', span: t.span };
  }

  private parseCall(name: Token): Expr {
    const open = this.next();
    const args: Expr[] = [];
    if (this.peek().kind === 'rparen') {
      const close = this.next();
      return { kind: 'call', name: name.value, nameSpan: name.span, args, span: span(name.span.start, close.span.end) };
    }
    for (;;) {
      const t = this.peek();
      if (t.kind === 'comma' || t.kind === 'rparen') {
        this.expected(t, `${name.value} 的第 ${args.length + 1} 个参数是空的`, `argument ${args.length + 1} of ${name.value} is empty`);
        args.push({ kind: 'missing', span: span(t.span.start, t.span.start) });
      } else {
        const before = this.pos;
        args.push(this.parseExpr(0));
        if (this.pos === before) this.pos++;
      }
      const sep = this.peek();
      // A ; (the separator of European Excel) is reported by the lexer and read as the comma it stands for.
      if (sep.kind === 'comma' || isSemicolon(sep)) {
        this.pos++;
        continue;
      }
      if (sep.kind === 'rparen' || sep.kind === 'eof') break;
      this.expected(sep, `${name.value} 的参数之间缺少逗号或 )`, `a comma or ) is missing between the arguments of ${name.value}`);
    }
    const end = this.expectClose(open);
    return { kind: 'call', name: name.value, nameSpan: name.span, args, span: span(name.span.start, end) };
  }

  /** Consumes the `)` closing `open`, or reports it missing; returns where the group ends. */
  private expectClose(open: Token): number {
    const t = this.peek();
    if (t.kind === 'rparen') {
      this.pos++;
      return t.span.end;
    }
    if (t.kind === 'eof') {
      // One report is enough: 10,000 unclosed "(" are one mistake, not 10,000.
      if (!this.reportedUnclosed) this.sink.report('FORMULA_UNBALANCED', open.span, { which: 'open' });
      this.reportedUnclosed = true;
    } else {
      this.expected(t, `此处应为 )，与位置 ${open.span.start + 1} 的 ( 配对`, `a ) is expected here to close the ( at position ${open.span.start + 1}`);
    }
    return t.span.start;
  }

  /** Runs `parse` one nesting level deeper, or skips the rest of the group when the limit is reached. */
  private nested(at: Token, parse: () => Expr): Expr {
    if (this.depth >= MAX_DEPTH) {
      this.sink.report('FORMULA_TOO_DEEP', at.span, { max: MAX_DEPTH });
      return { kind: 'missing', span: span(at.span.start, this.skipGroup()) };
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Skips tokens up to the `,` or `)` that ends the current group (or the end); returns the end offset. */
  private skipGroup(): number {
    let level = 0;
    let end = this.peek().span.start;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return end;
      if (level === 0 && (t.kind === 'comma' || t.kind === 'rparen')) return end;
      if (t.kind === 'lparen') level++;
      if (t.kind === 'rparen') level--;
      end = t.span.end;
      this.pos++;
    }
  }

  private refName(raw: string, start: number): RefName {
    const at = span(start, start + raw.length);
    if (this.form === 'stored' && raw.startsWith('#')) return { name: raw.slice(1), byId: true, span: at };
    return { name: raw, byId: false, span: at };
  }
}

function isSemicolon(t: Token): boolean {
  return t.kind === 'error' && t.problem?.code === 'FORMULA_UNEXPECTED_CHAR' && (t.problem.char === ';' || t.problem.char === '；');
}
