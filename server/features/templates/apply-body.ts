// What POST /api/templates/:id/apply asks for, as the service reads it (the route's zod schema checks it).
export interface ApplyBody {
  tableId: string;
  mapping: Record<string, string>;
  parameters?: Record<string, unknown> | undefined;
  dryRun?: boolean | undefined;
  onConflict?: 'ask' | 'rename' | undefined;
  source?: 'table' | 'transactions' | undefined;
  rows?: string | undefined;
}
