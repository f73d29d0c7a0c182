// Test harness: a fresh data folder in the OS temp dir, the real app, and small JSON helpers over app.request().
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSegsheet } from '../boot';
import type { Segsheet } from '../boot';

export interface Harness {
  dir: string;
  segsheet: Segsheet;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown; text: string; headers: Headers }>;
  close(): Promise<void>;
  reopen(): Promise<void>;
}

export async function openHarness(options: { seedDemo?: boolean; allowedHosts?: readonly string[] } = {}): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-test-'));
  const h: Harness = {
    dir,
    segsheet: await openSegsheet({ dataDir: dir, seedDemo: options.seedDemo ?? false, allowedHosts: options.allowedHosts ?? [] }),
    async request(method, url, body, headers = {}) {
      const init: RequestInit = { method, headers: { 'accept-language': 'en', ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const res = await h.segsheet.app.request(url, init);
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, headers: res.headers };
    },
    async close() {
      await h.segsheet.close();
      await rm(dir, { recursive: true, force: true });
    },
    async reopen() {
      await h.segsheet.close();
      h.segsheet = await openSegsheet({ dataDir: dir, seedDemo: options.seedDemo ?? false, allowedHosts: options.allowedHosts ?? [] });
    },
  };
  return h;
}

/** Narrowing helper for test bodies. */
export function as<T>(value: unknown): T {
  return value as T;
}
