// Calendar days as integers (days since 1970-01-01, UTC) and ISO "YYYY-MM-DD" text.

export function dayFromIso(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not a date: ${iso}`);
  return Math.round(ms / 86_400_000);
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
