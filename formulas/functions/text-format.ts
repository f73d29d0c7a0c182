// TEXT's format codes: the common number codes (0, 0.00, #,##0, #,##0.00, 0%, 0.0%, 0.00E+00,
// literal prefixes and suffixes such as ¥#,##0 or 0"元", sections for negatives and zero) and date
// codes (yyyy-mm-dd, yyyy/m/d, yyyy年m月d日, m/d, mmm, dddd, aaaa for 星期一, hh:mm:ss).
// Excel's whole grammar is much larger; codes beyond these keep their characters as literals.
import { formatGeneral } from '../types/coercion';
import { dayOfWeek, isValidSerial, partsFromSerial } from '../eval/dates';
import { roundTo } from './math';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DAYS = ['日', '一', '二', '三', '四', '五', '六'];

type Token = { readonly literal: string } | { readonly code: string };

/** Splits a section into literal text ("…", \x, other characters) and code letters. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const c = section[i] ?? '';
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      tokens.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (c === '\\') {
      tokens.push({ literal: section[i + 1] ?? '' });
      i++;
    } else if (c === '_') {
      tokens.push({ literal: ' ' }); // "_x": a space as wide as x
      i++;
    } else if (c === '*') {
      i++; // "*x": fill with x to the column width; there is no column width here
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      i = end === -1 ? section.length : end; // colors and conditions: ignored
    } else if (/[yYmMdDhHsSaA]/.test(c)) {
      let j = i;
      while (j < section.length && (section[j] ?? '').toLowerCase() === c.toLowerCase()) j++;
      tokens.push({ code: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else tokens.push({ literal: c });
  }
  return tokens;
}

/** Splits on ; outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c === '"') quoted = !quoted;
    if (c === '\\' && !quoted) {
      current += c + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function unquotedCodes(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDateSection(section: string): boolean {
  const codes = unquotedCodes(section);
  if (/[yYdDhHsS]/.test(codes) || /aaa/i.test(codes)) return true;
  return /[mM]/.test(codes) && !/[0#?]/.test(codes);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatDate(serial: number, section: string): string {
  const [y, m, d] = partsFromSerial(serial);
  const fraction = serial - Math.floor(serial);
  const totalSeconds = Math.round(fraction * 86400);
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const tokens = tokenize(section);
  const hasAmPm = /AM\/PM/i.test(section);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    if ('literal' in t) {
      out += t.literal;
      continue;
    }
    const code = t.code;
    // m after h or before s means minutes (Excel's rule).
    const prev = tokens.slice(0, i).reverse().find((x): x is { code: string } => 'code' in x);
    const next = tokens.slice(i + 1).find((x): x is { code: string } => 'code' in x);
    const isMinutes = code.startsWith('m') && code.length <= 2 && (prev?.code.startsWith('h') || next?.code.startsWith('s'));
    if (code.startsWith('y')) out += code.length <= 2 ? pad2(y % 100) : String(y).padStart(4, '0');
    else if (isMinutes) out += code.length === 2 ? pad2(minutes) : String(minutes);
    else if (code.startsWith('m')) {
      if (code.length === 1) out += String(m);
      else if (code.length === 2) out += pad2(m);
      else if (code.length === 3) out += (MONTHS[m - 1] ?? '').slice(0, 3);
      else if (code.length === 5) out += (MONTHS[m - 1] ?? '').slice(0, 1);
      else out += MONTHS[m - 1] ?? '';
    } else if (code.startsWith('d')) {
      const dow = dayOfWeek(serial);
      if (code.length === 1) out += String(d);
      else if (code.length === 2) out += pad2(d);
      else if (code.length === 3) out += (DAYS[dow] ?? '').slice(0, 3);
      else out += DAYS[dow] ?? '';
    } else if (code.startsWith('a')) {
      // aaa → 一, aaaa → 星期一 (Excel's Chinese weekday codes); "A" of AM/PM otherwise.
      if (code.length >= 3) out += (code.length === 3 ? '' : '星期') + (ZH_DAYS[dayOfWeek(serial)] ?? '');
      else out += hours < 12 ? 'A' : 'P';
    } else if (code.startsWith('h')) {
      const h = hasAmPm ? ((hours + 11) % 12) + 1 : hours;
      out += code.length === 2 ? pad2(h) : String(h);
    } else if (code.startsWith('s')) out += code.length === 2 ? pad2(seconds) : String(seconds);
  }
  return hasAmPm ? out.replace(/A\/P|AM\/PM/gi, hours < 12 ? 'AM' : 'PM') : out;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(x: number, section: string, withSign: boolean): string {
  const tokens = tokenize(section);
  const isPlaceholder = (t: Token): boolean => 'literal' in t && /^[0#?.,]$/.test(t.literal);
  const first = tokens.findIndex(isPlaceholder);
  if (first === -1) {
    // No digits at all: the section is literal text ("-" for zero, for example).
    return tokens.map((t) => ('literal' in t ? t.literal : t.code)).join('');
  }
  // Scientific notation: E+ or E- after the digits, followed by the exponent's zeros.
  const lit = (i: number): string | undefined => {
    const t = tokens[i];
    return t !== undefined && 'literal' in t ? t.literal : undefined;
  };
  const eAt = tokens.findIndex((_, i) => i > first && /^[eE]$/.test(lit(i) ?? '') && /^[+-]$/.test(lit(i + 1) ?? ''));
  const sci = eAt === -1 ? undefined : { sign: lit(eAt + 1) ?? '+' };
  let exponentDigits = 0;
  let suffixFrom: number;
  let last = (eAt === -1 ? tokens.length : eAt) - 1;
  while (last > first && !isPlaceholder(tokens[last] as Token)) last--;
  if (eAt !== -1) {
    let j = eAt + 2;
    while (lit(j) === '0') j++;
    exponentDigits = j - eAt - 2;
    suffixFrom = j;
  } else suffixFrom = last + 1;
  const suffixTokens = tokens.slice(suffixFrom);
  const render = (ts: readonly Token[]): string => ts.map((t) => ('literal' in t ? t.literal : t.code)).join('');
  const prefix = render(tokens.slice(0, first));
  const suffix = render(suffixTokens);
  let pattern = render(tokens.slice(first, last + 1));
  let value = Math.abs(x);
  const percents = (prefix + suffix + pattern).split('%').length - 1;
  value *= 100 ** percents;
  // Trailing commas scale by 1000 each (#,##0, shows thousands).
  while (pattern.endsWith(',')) {
    pattern = pattern.slice(0, -1);
    value /= 1000;
  }
  const [intPattern = '', fracPattern = ''] = pattern.split('.');
  // Excel shows at most 30 decimals (and toFixed accepts at most 100).
  const decimals = Math.min(30, fracPattern.replace(/[^0#?]/g, '').length);
  const required = Math.min(decimals, fracPattern.replace(/[^0?]/g, '').length);
  let exponent = 0;
  if (sci && value !== 0) {
    exponent = Math.floor(Math.log10(value));
    value /= 10 ** exponent;
    if (roundTo(value, decimals, 'nearest') >= 10) {
      value /= 10;
      exponent++;
    }
  }
  const rounded = roundTo(value, decimals, 'nearest').toFixed(decimals);
  let [intDigits = '0', fracDigits = ''] = rounded.split('.');
  const minInt = intPattern.replace(/[^0]/g, '').length;
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (intPattern.includes(',')) intDigits = group(intDigits);
  while (fracDigits.length > required && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  let body = intDigits + (pattern.includes('.') ? `.${fracDigits}` : '');
  if (sci) {
    const sign = exponent < 0 ? '-' : sci.sign === '+' ? '+' : '';
    body += `E${sign}${String(Math.abs(exponent)).padStart(exponentDigits, '0')}`;
  }
  const negative = withSign && x < 0 && Number(rounded) !== 0;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

/** Formats a number (a date's serial for date codes) with a format code, as TEXT does; undefined: not a date. */
export function formatWithCode(x: number, format: string): string | undefined {
  const parts = sections(format);
  let section = parts[0] ?? '';
  let withSign = true;
  if (x < 0 && parts.length >= 2) {
    section = parts[1] ?? '';
    withSign = false; // the negative section writes its own sign, if any
  } else if (x === 0 && parts.length >= 3) section = parts[2] ?? '';
  const trimmed = section.trim();
  if (trimmed === '' && parts.length === 1) return '';
  if (/^(general|g\/通用格式)$/i.test(trimmed)) return formatGeneral(withSign ? x : Math.abs(x));
  if (isDateSection(section)) {
    // Excel shows ##### for a date outside its calendar; TEXT gives #VALUE!.
    return isValidSerial(x) ? formatDate(x, section) : undefined;
  }
  return formatNumberSection(x, section, withSign);
}

/** The text section (4th) or "@" of a format applied to text; other formats leave text unchanged. */
export function formatTextWithCode(text: string, format: string): string {
  const parts = sections(format);
  const section = parts.length >= 4 ? parts[3] ?? '' : parts.find((p) => p.includes('@')) ?? '';
  if (!section.includes('@')) return text;
  return tokenize(section)
    .map((t) => ('literal' in t ? (t.literal === '@' ? text : t.literal) : t.code))
    .join('');
}
