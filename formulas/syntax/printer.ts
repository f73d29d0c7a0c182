// AST → text. Parse trees print back to text that parses to the same tree (spans aside): parentheses are
// nodes, so nothing is added or lost. Trees built by code get parentheses where precedence needs them.

import { BINARY_PRECEDENCE, PERCENT_PRECEDENCE, UNARY_PRECEDENCE, type Expr, type RefName } from './ast';

const BARE_TABLE = /^[\p{L}_][\p{L}\p{M}\p{N}_.]*$/u;

export function print(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'text':
      return `"${node.value.replaceAll('"', '""')}"`;
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'field':
      return `{${refText(node.field)}}`;
    case 'column':
      return `${node.table === undefined ? '' : tableText(node.table)}[${refText(node.field)}]`;
    case 'unary':
      return node.op + wrap(node.operand, UNARY_PRECEDENCE);
    case 'percent':
      return `${wrap(node.operand, PERCENT_PRECEDENCE)}%`;
    case 'binary': {
      const prec = BINARY_PRECEDENCE[node.op];
      // Left-associative: the right operand needs parentheses at equal precedence.
      return wrap(node.left, prec) + node.op + wrap(node.right, prec + 1);
    }
    case 'call':
      return `${node.name}(${node.args.map(print).join(',')})`;
    case 'paren':
      return `(${print(node.inner)})`;
    case 'missing':
      return '';
  }
}

/** How tightly a node holds together when printed (atoms: tightest). */
function precedence(node: Expr): number {
  switch (node.kind) {
    case 'binary':
      return BINARY_PRECEDENCE[node.op];
    case 'percent':
      return PERCENT_PRECEDENCE;
    case 'unary':
      return UNARY_PRECEDENCE;
    case 'number':
    case 'text':
    case 'boolean':
    case 'field':
    case 'column':
    case 'call':
    case 'paren':
    case 'missing':
      return Infinity;
  }
}

function wrap(node: Expr, min: number): string {
  const text = print(node);
  return precedence(node) < min ? `(${text})` : text;
}

function refText(ref: RefName): string {
  return (ref.byId ? '#' : '') + ref.name;
}

/** A table name is written bare when it reads as one name token, else quoted with '' for a quote. */
export function tableText(ref: RefName): string {
  const text = refText(ref);
  if (ref.byId ? /^#[\p{L}\p{N}_.]+$/u.test(text) : BARE_TABLE.test(text)) return text;
  return `'${text.replaceAll("'", "''")}'`;
}
