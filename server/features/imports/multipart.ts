// A multipart/form-data upload streamed to disk: the part named "file" goes straight into the target file as it
// arrives, every other part is skipped unread, so an upload never sits in memory whatever its size.
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '../../http/app-error';

export const MISSING_FILE_PART = 'multipart field "file" is missing';

/** The PAYLOAD_TOO_LARGE error for an upload limit of `limit` bytes. */
export function tooLarge(limit: number): AppError {
  const unit = limit % (1024 * 1024) === 0 ? { size: 1024 * 1024, name: 'MB' } : limit % 1024 === 0 ? { size: 1024, name: 'KB' } : { size: 1, name: 'B' };
  return new AppError('PAYLOAD_TOO_LARGE', { limit: `${limit / unit.size} ${unit.name}` });
}

export async function writeAll(out: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.byteLength; ) at += (await out.write(chunk, at)).bytesWritten;
}

/** Passes the body on, refusing it once it grows past the limit (a content-length can be absent or lie). */
function limitedTo(limit: number) {
  return async function* (source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let size = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge(limit);
      yield chunk;
    }
  };
}

async function writeStreamTo(part: Readable, file: string): Promise<void> {
  const out = await open(file, 'w');
  try {
    for await (const chunk of part as AsyncIterable<Uint8Array>) await writeAll(out, chunk);
  } finally {
    await out.close();
  }
}

/** Disk trouble stays a server error; anything else that breaks the parse is the client's malformed body. */
function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && 'syscall' in error) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new AppError('BAD_REQUEST', { reason: `the multipart body is malformed (${why})` });
}

/**
 * Streams the part named "file" of a multipart body into `file` (at most `limit` body bytes). Answers the part's
 * filename, if it has one. Settles only after the file is closed, so a caller may remove it right away on failure.
 */
export async function saveMultipartFile(body: ReadableStream<Uint8Array> | null, contentType: string, file: string, limit: number): Promise<{ filename: string | undefined }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' });
  } catch (error) {
    throw asUploadError(error);
  }
  let saving: Promise<void> | undefined;
  let filename: string | undefined;
  parser.on('file', (name, part, info) => {
    // A broken body errors the part too; the pipeline below reports it, and an unheard error would crash the process.
    part.on('error', () => undefined);
    if (name !== 'file' || saving) {
      part.resume();
      return;
    }
    filename = info.filename;
    // A write that fails stops the parse too, or busboy would wait for the part to be read forever.
    saving = writeStreamTo(part, file).catch((error: unknown) => {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    });
    saving.catch(() => undefined);
  });
  const source = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  try {
    await pipeline(source, limitedTo(limit), parser);
  } catch (error) {
    await saving?.catch(() => undefined);
    throw asUploadError(error);
  }
  if (!saving) throw new AppError('BAD_REQUEST', { reason: MISSING_FILE_PART });
  await saving;
  return { filename };
}
