// A streaming CSV tokenizer (RFC 4180 quoting, as Papa Parse reads it): text goes in as blocks, records come
// out through a callback. Lines without a quote are split with indexOf (the common case, and fast); a record
// with a quote is scanned character by character and may span lines and blocks. The field array is reused
// for every record: a consumer that keeps values must copy them.

export type CsvProblem = 'unclosed-quote' | 'bad-quote';

/** `fields[0 … count-1]` are the record's values; `problem` is set for a record that could not be read. */
export type RecordSink = (fields: string[], count: number, problem: CsvProblem | undefined) => void;

/** Longest value kept while a quoted value never closes (longer ones are bad rows anyway). */
const MAX_FIELD = 1 << 20;
const QUOTE = 34;
const CR = 13;

function isBlank(fields: readonly string[], count: number): boolean {
  for (let i = 0; i < count; i++) {
    const f = fields[i] ?? '';
    if (f.length > 0 && f.trim() !== '') return false;
  }
  return true;
}

export class CsvTokenizer {
  private readonly fields: string[] = [];
  private readonly delimiter: string;
  private readonly newline: string;
  private readonly sink: RecordSink;
  /** Text after the last newline of the previous block. */
  private carry = '';
  // State of a record being scanned character by character (it may continue in the next block).
  private inRecord = false;
  private count = 0;
  private field = '';
  private inQuote = false;
  private quoted = false;
  private afterQuote = false;
  private problem: CsvProblem | undefined;

  constructor(delimiter: string, newline: '\n' | '\r', sink: RecordSink) {
    this.delimiter = delimiter;
    this.newline = newline;
    this.sink = sink;
  }

  /** Reads every complete line of `block`; the rest waits for the next block or end(). */
  push(block: string): void {
    const text = this.carry === '' ? block : this.carry + block;
    const last = text.lastIndexOf(this.newline);
    if (last < 0) {
      this.carry = text;
      return;
    }
    this.carry = text.slice(last + 1);
    this.read(text, last + 1);
  }

  end(): void {
    const text = this.carry;
    this.carry = '';
    if (text !== '') this.read(text, text.length);
    if (this.inRecord) {
      if (this.inQuote) this.problem = 'unclosed-quote';
      this.endField(true);
      this.finishRecord();
    }
  }

  /** Reads text[0 … end), where end is just after a newline (or the end of the file). */
  private read(text: string, end: number): void {
    let pos = 0;
    if (this.inRecord) pos = this.scan(text, 0, end);
    const nl = this.newline;
    let quote = text.indexOf('"', pos);
    if (quote < 0 || quote >= end) quote = end;
    while (pos < end) {
      let lineEnd = text.indexOf(nl, pos);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      if (quote < lineEnd) {
        pos = this.scan(text, pos, end);
        quote = pos < end ? text.indexOf('"', pos) : end;
        if (quote < 0 || quote >= end) quote = end;
        continue;
      }
      this.splitLine(text, pos, lineEnd);
      pos = lineEnd + 1;
    }
  }

  /** A line without quotes: its values are what lies between delimiters. */
  private splitLine(text: string, start: number, lineEnd: number): void {
    let stop = lineEnd;
    if (stop > start && text.charCodeAt(stop - 1) === CR) stop--;
    const fields = this.fields;
    const d = this.delimiter;
    let count = 0;
    let s = start;
    for (;;) {
      const k = text.indexOf(d, s);
      if (k < 0 || k >= stop) {
        fields[count++] = text.slice(s, stop);
        break;
      }
      fields[count++] = text.slice(s, k);
      s = k + 1;
    }
    if (!isBlank(fields, count)) this.sink(fields, count, undefined);
  }

  /** Scans one record from `pos` character by character. Answers where the next record starts (`end` if this one continues). */
  private scan(text: string, pos: number, end: number): number {
    if (!this.inRecord) {
      this.inRecord = true;
      this.count = 0;
      this.problem = undefined;
      this.startField();
    }
    const d = this.delimiter.charCodeAt(0);
    const nl = this.newline.charCodeAt(0);
    let i = pos;
    while (i < end) {
      if (this.inQuote) {
        const k = text.indexOf('"', i);
        if (k < 0 || k >= end) {
          this.append(text, i, end);
          return end;
        }
        this.append(text, i, k);
        if (k + 1 < end && text.charCodeAt(k + 1) === QUOTE) {
          this.field += '"';
          i = k + 2;
        } else {
          this.inQuote = false;
          this.afterQuote = true;
          i = k + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === d) {
        this.endField(false);
        this.startField();
        i++;
      } else if (c === nl) {
        this.endField(true);
        this.finishRecord();
        return i + 1;
      } else if (c === QUOTE && this.field === '' && !this.quoted) {
        this.inQuote = true;
        this.quoted = true;
        i++;
      } else {
        // After a closing quote only the delimiter or the end of the line may follow (a CR of CRLF is fine).
        if (this.afterQuote && !(c === CR && (i + 1 >= end || text.charCodeAt(i + 1) === nl))) this.problem ??= 'bad-quote';
        if (!this.afterQuote) this.field += text[i] ?? '';
        i++;
      }
    }
    return end;
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    if (this.field.length + (to - from) > MAX_FIELD) {
      this.problem ??= 'unclosed-quote';
      return;
    }
    this.field += text.slice(from, to);
  }

  private startField(): void {
    this.field = '';
    this.inQuote = false;
    this.quoted = false;
    this.afterQuote = false;
  }

  private endField(lastOfLine: boolean): void {
    let value = this.field;
    // An unquoted last value of a CRLF line keeps no CR.
    if (lastOfLine && !this.quoted && value.length > 0 && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
    this.fields[this.count++] = value;
  }

  private finishRecord(): void {
    this.inRecord = false;
    const count = this.count;
    if (this.problem !== undefined || !isBlank(this.fields, count)) this.sink(this.fields, count, this.problem);
  }
}
