// Tree helpers for tests: spans removed, so trees from differently spaced text compare equal.

import type { Expr } from '../syntax/ast';

export function stripSpans(node: Expr): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'span' || key === 'nameSpan' ? undefined : value)));
}

/** A compact Lisp-like rendering that makes precedence visible: -2^2 → (^ (- 2) 2). */
export function sexpr(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'text':
      return JSON.stringify(node.value);
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'field':
      return `{${node.field.byId ? '#' : ''}${node.field.name}}`;
    case 'column':
      return `${node.table === undefined ? '' : `${node.table.byId ? '#' : ''}${node.table.name}`}[${node.field.byId ? '#' : ''}${node.field.name}]`;
    case 'unary':
      return `(${node.op} ${sexpr(node.operand)})`;
    case 'percent':
      return `(% ${sexpr(node.operand)})`;
    case 'binary':
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(sexpr).join(' ')})`.replace(/ \)$/, ')');
    case 'paren':
      return `[${sexpr(node.inner)}]`;
    case 'missing':
      return '?';
  }
}
