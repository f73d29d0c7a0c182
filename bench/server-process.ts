// Starts the real server (server-child.ts) in its own process, talks to it over HTTP on 127.0.0.1, and reads
// its peak resident memory (VmHWM) from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const BOOT = fileURLToPath(new URL('../server/boot.ts', import.meta.url));

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    body: string,
  ) {
    super(`${route.replace(/\?.*$/, '')} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export interface ServerHandle {
  readonly base: string;
  readonly pid: number;
  /** JSON request; throws HttpError on a non-2xx answer. */
  call(method: string, route: string, body?: unknown): Promise<unknown>;
  /** Raw body upload (imports). */
  upload(route: string, body: Buffer, contentType: string): Promise<unknown>;
  /** Peak resident memory of the server process so far, in bytes (Linux), or undefined. */
  peakRss(): number | undefined;
  stop(): Promise<void>;
}

/** Why the server cannot be benchmarked yet, or undefined when server/boot.ts is there. */
export function serverMissing(): string | undefined {
  return existsSync(BOOT) ? undefined : 'server/boot.ts does not exist yet';
}

/** Keep-alive connections and a long time limit: a 1M-row import may answer after several minutes. */
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(url: string, method: string, headers: Record<string, string>, body?: Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30 * 60_000, () => req.destroy(new Error(`${method} ${url}: no answer in 30 minutes`)));
    req.end(body);
  });
}

async function parse(response: Promise<{ status: number; text: string }>, route: string): Promise<unknown> {
  const { status, text } = await response;
  if (status < 200 || status >= 300) throw new HttpError(status, route, text);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function readPeakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${err.slice(-500)}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${err.trim().split('\n').slice(0, 8).join(' | ')}`));
    });
  });
}

export async function startServer(): Promise<ServerHandle> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'segsheet-bench-'));
  // BENCH_CHILD_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const extra = process.env.BENCH_CHILD_ARGS?.split(' ').filter((a) => a !== '') ?? [];
  const child = spawn(process.execPath, [...extra, '--max-old-space-size=4096', '--import', 'tsx', CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? 0;
  let port: number;
  try {
    port = await waitForPort(child);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    pid,
    async call(method, route, body) {
      const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = { 'content-type': 'application/json', 'accept-language': 'en' };
      return parse(send(base + route, method, bytes ? { ...headers, 'content-length': String(bytes.length) } : headers, bytes), `${method} ${route}`);
    },
    async upload(route, body, contentType) {
      const headers = { 'content-type': contentType, 'content-length': String(body.length), 'accept-language': 'en' };
      return parse(send(base + route, 'POST', headers, body), `POST ${route}`);
    },
    peakRss: () => readPeakRss(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
