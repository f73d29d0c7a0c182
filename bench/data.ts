// Seeded synthetic customers and orders: the same seed gives the same data on every machine.
// Columns are typed arrays (numbers, day serials); toTableData() gives the TableData shape of FORMULAS.md.

/** The TableData of FORMULAS.md ("The entry point that tests and tools use"). */
export type FieldType = 'text' | 'number' | 'date' | 'boolean';
export type RowValue = string | number | boolean | null;
export interface TableData {
  fields: { name: string; type: FieldType }[];
  rows: Record<string, RowValue>[];
}

/** mulberry32: a tiny deterministic PRNG, uniform in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Excel serial of a calendar day (1900 system; exact for days after 1900-03-01). */
export function serialFromIso(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25_569;
}

/** Excel serial → "YYYY-MM-DD", without Date objects (days-from-civil inverse, H. Hinnant). */
export function isoFromSerial(serial: number): string {
  const z = Math.floor(serial) - 25_569 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export const AS_OF = '2025-01-01';
const FIRST_DAY = serialFromIso('2022-01-01');
const SPAN_DAYS = serialFromIso(AS_OF) - FIRST_DAY;
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北', '海外'] as const;
const CHANNELS = ['online', 'store', 'wechat', 'partner'] as const;

export interface Customers {
  readonly n: number;
  readonly id: Float64Array;
  readonly name: string[];
  readonly region: string[];
  readonly channel: string[];
  /** Long-tailed (log-normal) spend, 2 decimals. */
  readonly amount: Float64Array;
  readonly frequency: Float64Array;
  /** Days between the last purchase and AS_OF. */
  readonly recency: Float64Array;
  readonly firstPurchase: Float64Array;
  readonly lastPurchase: Float64Array;
  readonly vip: Uint8Array;
}

export function generateCustomers(n: number, seed = 1): Customers {
  const random = createRandom(seed);
  const c: Customers = {
    n,
    id: new Float64Array(n),
    name: new Array<string>(n),
    region: new Array<string>(n),
    channel: new Array<string>(n),
    amount: new Float64Array(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    firstPurchase: new Float64Array(n),
    lastPurchase: new Float64Array(n),
    vip: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    c.id[i] = i + 1;
    c.name[i] = `C${String(i + 1).padStart(7, '0')}`;
    c.region[i] = REGIONS[Math.floor(random() * REGIONS.length)] ?? '华东';
    c.channel[i] = CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'online';
    c.amount[i] = Math.round(Math.exp(6.5 + 1.3 * normal(random)) * 100) / 100;
    c.frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 3);
    const first = FIRST_DAY + Math.floor(random() * SPAN_DAYS);
    const last = first + Math.floor(random() * (FIRST_DAY + SPAN_DAYS - first));
    c.firstPurchase[i] = first;
    c.lastPurchase[i] = last;
    c.recency[i] = FIRST_DAY + SPAN_DAYS - last;
    c.vip[i] = random() < 0.05 ? 1 : 0;
  }
  return c;
}

export interface Orders {
  readonly n: number;
  readonly orderId: Float64Array;
  /** 1..customers; every customer has at least one order (the first `customers` rows), the rest skewed. */
  readonly customerId: Float64Array;
  readonly date: Float64Array;
  readonly amount: Float64Array;
}

export function generateOrders(n: number, customers: number, seed = 2): Orders {
  const random = createRandom(seed);
  const o: Orders = {
    n,
    orderId: new Float64Array(n),
    customerId: new Float64Array(n),
    date: new Float64Array(n),
    amount: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    o.orderId[i] = 100_000 + i;
    const u = random();
    o.customerId[i] = i < customers ? i + 1 : 1 + Math.floor(customers * u * u);
    o.date[i] = FIRST_DAY + Math.floor(random() * SPAN_DAYS);
    o.amount[i] = Math.round(Math.exp(4.5 + normal(random)) * 100) / 100;
  }
  return o;
}

const CUSTOMER_FIELDS: TableData['fields'] = [
  { name: 'id', type: 'number' },
  { name: 'name', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'amount', type: 'number' },
  { name: 'frequency', type: 'number' },
  { name: 'recency', type: 'number' },
  { name: 'first_purchase', type: 'date' },
  { name: 'last_purchase', type: 'date' },
  { name: 'vip', type: 'boolean' },
];

export function customersToTable(c: Customers): TableData {
  const rows = new Array<Record<string, RowValue>>(c.n);
  for (let i = 0; i < c.n; i++) {
    rows[i] = {
      id: c.id[i] ?? null,
      name: c.name[i] ?? null,
      region: c.region[i] ?? null,
      channel: c.channel[i] ?? null,
      amount: c.amount[i] ?? null,
      frequency: c.frequency[i] ?? null,
      recency: c.recency[i] ?? null,
      first_purchase: isoFromSerial(c.firstPurchase[i] ?? 0),
      last_purchase: isoFromSerial(c.lastPurchase[i] ?? 0),
      vip: c.vip[i] === 1,
    };
  }
  return { fields: CUSTOMER_FIELDS.map((f) => ({ ...f })), rows };
}

export function ordersToTable(o: Orders): TableData {
  const rows = new Array<Record<string, RowValue>>(o.n);
  for (let i = 0; i < o.n; i++) {
    rows[i] = {
      order_id: o.orderId[i] ?? null,
      customer_id: o.customerId[i] ?? null,
      date: isoFromSerial(o.date[i] ?? 0),
      amount: o.amount[i] ?? null,
    };
  }
  return {
    fields: [
      { name: 'order_id', type: 'number' },
      { name: 'customer_id', type: 'number' },
      { name: 'date', type: 'date' },
      { name: 'amount', type: 'number' },
    ],
    rows,
  };
}

/** The orders as CSV text (header + LF lines), for import benchmarks. */
export function ordersToCsv(o: Orders): string {
  const lines = new Array<string>(o.n + 1);
  lines[0] = 'order_id,customer_id,date,amount';
  for (let i = 0; i < o.n; i++) {
    lines[i + 1] = `${o.orderId[i]},${o.customerId[i]},${isoFromSerial(o.date[i] ?? 0)},${o.amount[i]}`;
  }
  return `${lines.join('\n')}\n`;
}
