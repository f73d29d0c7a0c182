// Bytes of an uploaded file → text: gzip unwrapped, encoding detected (UTF-8, UTF-8 with BOM, GBK/GB18030).
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { AppError } from '../../http/app-error';

export type FileKind = 'csv' | 'xlsx';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function gunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', { reason: 'the gzip file is damaged', reasonZh: 'gzip 压缩文件已损坏' });
  }
}

/** Per line: does it hold valid UTF-8 multi-byte text, or malformed bytes? (CJK in UTF-8 is 3 bytes a character.) */
function utf8Lines(bytes: Uint8Array): { cleanMultiLines: number; invalidLines: number } {
  let cleanMultiLines = 0;
  let invalidLines = 0;
  let multi = 0;
  let invalid = 0;
  const endLine = (): void => {
    if (invalid > 0) invalidLines++;
    else if (multi > 0) cleanMultiLines++;
    multi = 0;
    invalid = 0;
  };
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a) endLine();
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
      invalid++;
      i++;
    }
  }
  endLine();
  return { cleanMultiLines, invalidLines };
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
}

/** Decodes CSV bytes. A file mixing UTF-8 and GBK text is refused rather than imported garbled. */
export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  const { cleanMultiLines, invalidLines } = utf8Lines(bytes);
  if (invalidLines === 0) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  if (cleanMultiLines > 0) {
    throw new AppError('IMPORT_UNREADABLE', {
      reason: 'the file mixes text encodings (UTF-8 and GBK); save it again as UTF-8 and retry',
      reasonZh: '文件混用了多种文字编码（UTF-8 与 GBK），请另存为 UTF-8 后重试',
    });
  }
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
}
