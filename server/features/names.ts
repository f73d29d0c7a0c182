// Names of workbooks, tables and fields: every character but { } [ ] (formulas use them to refer to fields).
import { AppError } from '../http/app-error';

export function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('INVALID_NAME', { name: raw, reason: 'empty' });
  if (/[{}[\]]/.test(name)) throw new AppError('INVALID_NAME', { name, reason: 'brackets' });
  return name;
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Throws NAME_TAKEN when `name` is among `taken` (case-insensitive). */
export function checkFree(name: string, taken: readonly string[]): void {
  if (taken.some((t) => sameName(t, name))) throw new AppError('NAME_TAKEN', { name });
}

/** `name`, or `name 2`, `name 3`… the first that is free. */
export function freeName(name: string, taken: readonly string[]): string {
  if (!taken.some((t) => sameName(t, name))) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} ${i}`;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}
