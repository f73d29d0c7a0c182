// Bytes of an uploaded file → text, streamed in blocks that end at a line end: gzip unwrapped, encoding detected
// (UTF-8, UTF-8 with BOM, GBK/GB18030). UTF-8 is checked block by block as the text is read; only a file that
// is not UTF-8 is read again, to tell GB18030 from a file that mixes encodings.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { AppError } from '../../http/app-error';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';
export type Newline = '\n' | '\r';

const LF = 0x0a;
const CR = 0x0d;
const CHUNK = 1 << 20;
/** A "line" longer than this is cut anyway (at a character boundary), so memory stays bounded. */
const MAX_BLOCK = 16 << 20;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const damagedGzip = (): AppError => new AppError('IMPORT_UNREADABLE', { reason: 'the gzip file is damaged', reasonZh: 'gzip 压缩文件已损坏' });
const notText = (): AppError => new AppError('IMPORT_UNREADABLE', { reason: 'this is not a text (CSV) file', reasonZh: '这不是文本（CSV）文件' });
const mixed = (): AppError =>
  new AppError('IMPORT_UNREADABLE', {
    reason: 'the file mixes text encodings (UTF-8 and GBK); save it again as UTF-8 and retry',
    reasonZh: '文件混用了多种文字编码（UTF-8 与 GBK），请另存为 UTF-8 后重试',
  });

export function gunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch {
    throw damagedGzip();
  }
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's bytes as a stream, gzip unwrapped. */
async function byteStream(file: string): Promise<Readable> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  if (!isGzip(await firstBytes(file, 2))) return raw;
  const gz = createGunzip({ chunkSize: CHUNK });
  raw.on('error', (e) => gz.destroy(e));
  return raw.pipe(gz);
}

function isZlibError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** The first bytes of the (unwrapped) content: enough to tell XLSX from CSV. */
export async function contentStart(file: string): Promise<Buffer> {
  const stream = await byteStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) return chunk.subarray(0, 8);
    return Buffer.alloc(0);
  } catch (error) {
    throw isZlibError(error) ? damagedGzip() : error;
  } finally {
    stream.destroy();
  }
}

/** Where a block may end: after the last line end, else (a huge line) at a UTF-8 character boundary. */
function cutPoint(buf: Buffer, eol: number): number {
  const last = buf.lastIndexOf(eol);
  if (last >= 0) return last + 1;
  if (buf.length < MAX_BLOCK) return 0;
  let cut = buf.length;
  while (cut > 0 && ((buf[cut - 1] ?? 0) & 0xc0) === 0x80) cut--;
  return cut > 1 ? cut - 1 : buf.length;
}

/** The content in blocks that end at a line end; `eol` is chosen from the first chunk. */
async function* lineBlocks(file: string): AsyncGenerator<{ bytes: Buffer; eol: number }> {
  const stream = await byteStream(file);
  let rest: Buffer = Buffer.alloc(0);
  let eol = -1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      if (eol < 0) eol = buf.includes(LF) || !buf.includes(CR) ? LF : CR;
      const cut = cutPoint(buf, eol);
      rest = buf.subarray(cut);
      if (cut > 0) yield { bytes: buf.subarray(0, cut), eol };
    }
  } catch (error) {
    throw isZlibError(error) ? damagedGzip() : error;
  } finally {
    stream.destroy();
  }
  if (rest.length > 0) yield { bytes: rest, eol: eol < 0 ? LF : eol };
}

/** Counts lines with clean multi-byte UTF-8 (CJK is 3 bytes a character) and lines with malformed bytes. */
class Utf8Lines {
  cleanMulti = 0;
  invalid = 0;

  add(bytes: Uint8Array, eol: number): void {
    let multi = 0;
    let bad = 0;
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      const b = bytes[i] ?? 0;
      if (b < 0x80) {
        if (b === eol) {
          if (bad > 0) this.invalid++;
          else if (multi > 0) this.cleanMulti++;
          multi = 0;
          bad = 0;
        }
        i++;
        continue;
      }
      let len = 0;
      if (b >= 0xc2 && b <= 0xdf) len = 2;
      else if (b >= 0xe0 && b <= 0xef) len = 3;
      else if (b >= 0xf0 && b <= 0xf4) len = 4;
      let ok = len > 0 && i + len <= n;
      for (let k = 1; ok && k < len; k++) {
        const c = bytes[i + k] ?? 0;
        if (c < 0x80 || c > 0xbf) ok = false;
      }
      if (ok) {
        if (len >= 3) multi++;
        i += len;
      } else {
        bad++;
        i++;
      }
    }
    if (bad > 0) this.invalid++;
    else if (multi > 0) this.cleanMulti++;
  }
}

class NotUtf8 extends Error {}

export interface TextInfo {
  encoding: TextEncodingName;
  newline: Newline;
}

/** A consumer of decoded text blocks; a new one is made when the file must be read again in another encoding. */
export type TextSink = (text: string, info: TextInfo) => void;

async function readAs(file: string, encoding: TextEncodingName | undefined, sink: TextSink): Promise<TextInfo> {
  let info: TextInfo | undefined;
  const gb = encoding === 'gb18030' ? iconv.getDecoder('gb18030') : undefined;
  for await (const { bytes, eol } of lineBlocks(file)) {
    let block = bytes;
    if (!info) {
      const bom = block.length >= 3 && block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf;
      if (bom) block = block.subarray(3);
      info = { encoding: encoding ?? (bom ? 'utf-8-bom' : 'utf-8'), newline: eol === CR ? '\r' : '\n' };
    }
    if (block.includes(0)) throw notText();
    if (gb) sink(gb.write(block), info);
    else if (encoding === undefined && info.encoding === 'utf-8' && !isUtf8(block)) throw new NotUtf8();
    else sink(block.toString('utf8'), info);
  }
  const tail = gb?.end();
  if (info && tail) sink(tail, info);
  return info ?? { encoding: encoding ?? 'utf-8', newline: '\n' };
}

/**
 * Streams the text of a CSV file to `makeSink()`. With `encoding` unknown it is detected: UTF-8 while every
 * block is valid UTF-8; otherwise the file is read again as GB18030 (with a fresh sink), unless it mixes clean
 * UTF-8 lines with malformed ones, which is refused rather than imported garbled.
 */
export async function readText(file: string, encoding: TextEncodingName | undefined, makeSink: () => TextSink): Promise<TextInfo> {
  try {
    return await readAs(file, encoding, makeSink());
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  const lines = new Utf8Lines();
  for await (const { bytes, eol } of lineBlocks(file)) {
    if (bytes.includes(0)) throw notText();
    lines.add(bytes, eol);
  }
  if (lines.cleanMulti > 0) throw mixed();
  return readAs(file, 'gb18030', makeSink());
}
