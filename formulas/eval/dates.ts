// Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29 (Lotus 1-2-3's
// leap-year bug, kept by Excel for compatibility), serial 61 = 1900-03-01. Serial 0 reads "1900-01-00".
// Calendar arithmetic is done on day counts (Howard Hinnant's civil algorithms), never on JS Date,
// so there are no time zones and no allocation per row.

/** Last serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian). m is 1..12; d may overflow, it just adds days. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** 1900-03-01 in days from 1970: from here on Excel serials are plain day counts. */
const MARCH_1900 = daysFromCivil(1900, 3, 1);

/**
 * Serial of the day `d` of month `m` of year `y`, Excel style: the month may be outside 1..12 and the day
 * outside the month (both roll over, as in DATE). Counted from the first of the month, as Excel does,
 * so DATE(1900,2,29) is serial 60.
 */
export function serialFromParts(y: number, m: number, d: number): number {
  const years = Math.floor((m - 1) / 12);
  const month = m - 1 - years * 12 + 1;
  const first = daysFromCivil(y + years, month, 1);
  const firstSerial = first >= MARCH_1900 ? first + 25569 : first + 25568;
  return firstSerial + d - 1;
}

/** Year, month, day of a serial as Excel shows them (0 → 1900-01-00, 60 → 1900-02-29). Fraction dropped. */
export function partsFromSerial(serial: number): [number, number, number] {
  const s = Math.floor(serial);
  if (s === 0) return [1900, 1, 0];
  if (s === 60) return [1900, 2, 29];
  return civilFromDays(s < 60 ? s - 25568 : s - 25569);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month; February 1900 has 29, as in Excel. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) || y === 1900 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Digits at [from, to) of s as a number, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * "YYYY-MM-DD" → Excel serial (1900 system with its 1900-02-29 bug), or undefined when not a real date.
 * Parsed by hand, not by a regex: every cell of a date column goes through here when a table is loaded.
 */
export function serialFromIso(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (y < 0 || m < 0 || d < 0) return undefined;
  return serialFromValidParts(y, m, d);
}

/** Serial of a calendar day that must exist (1900-01-01 … 9999-12-31, 1900-02-29 included), else undefined. */
export function serialFromValidParts(y: number, m: number, d: number): number | undefined {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return serialFromParts(y, m, d);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Excel serial → "YYYY-MM-DD" (fraction dropped). */
export function isoFromSerial(serial: number): string {
  const [y, m, d] = partsFromSerial(serial);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** A serial that Excel can show as a date: 0 … 9999-12-31. */
export function isValidSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 0 && serial < MAX_SERIAL + 1;
}

/**
 * Date text as DATEVALUE and coercion read it: 2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日,
 * and the US order 1/31/2024 (Excel en-US). Undefined when the text is not a date.
 */
export function serialFromDateText(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (m) return serialFromValidParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return serialFromValidParts(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

/** Day of week of a serial, 0 = Sunday … 6 = Saturday, with Excel's 1900 calendar (serial 1 is a Sunday). */
export function dayOfWeek(serial: number): number {
  const s = Math.floor(serial);
  return (((s - 1) % 7) + 7) % 7;
}

/** EDATE / EOMONTH core: the same day `months` later, clamped to the month's last day. */
export function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const [y, m, d] = partsFromSerial(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = daysInMonth(ny, nm);
  return serialFromParts(ny, nm, endOfMonth ? last : Math.min(d, last));
}
