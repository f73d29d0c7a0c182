import type { CellValue, Field } from '../../api/types';

export type ParseFailure = 'notNumber' | 'notDate' | 'notBoolean' | 'readOnly';
export type Parsed = { ok: true; value: CellValue } | { ok: false; reason: ParseFailure };

const ok = (value: CellValue): Parsed => ({ ok: true, value });
const fail = (reason: ParseFailure): Parsed => ({ ok: false, reason });

/** Full-width digits and signs typed by Chinese input methods, as their ASCII twins. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** "1,234.5", "¥1,200", "$3", "15%", "(12)", "-3", "1e3" → number; anything else is not a number. */
export function parseNumber(text: string): number | null {
  let s = halfWidth(text).trim().replace(/[\s,]/g, '').replace(/^[¥￥$€£]|元$/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren?.[1] !== undefined) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/^([+-]?)[¥$€£]/, '$1');
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s) * scale * (negative ? -1 : 1);
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : null;
}

function isoDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 1/5/2024 (month first, as Excel en-US); a time is dropped. */
export function parseDate(text: string): string | null {
  const s = halfWidth(text).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return isoDay(Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√', '✓', '✔', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是', '错', '×', '✗']);

export function parseBoolean(text: string): boolean | null {
  const s = halfWidth(text).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** Text pasted or typed into a cell → the field's value, or why it cannot be. Blank text is a blank cell. */
export function parseCellText(field: Field, text: string): Parsed {
  if (field.type === 'formula') return fail('readOnly');
  if (text.trim() === '') return ok(null);
  switch (field.type) {
    case 'number': {
      const n = parseNumber(text);
      return n === null ? fail('notNumber') : ok(n);
    }
    case 'date': {
      const d = parseDate(text);
      return d === null ? fail('notDate') : ok(d);
    }
    case 'boolean': {
      const b = parseBoolean(text);
      return b === null ? fail('notBoolean') : ok(b);
    }
    case 'select':
      return ok(text.trim());
    default:
      return ok(text);
  }
}
