import { dayMs, utcMidnight } from './format';

export interface DemoProgress {
  readonly table: string;
  readonly rows: number;
  readonly total: number;
}

export interface DemoOptions {
  readonly customers?: number;
  /** Days of order history ending at `anchor`. */
  readonly days?: number;
  readonly seed?: number;
  /** End of the order history (exclusive); default today 00:00 UTC. */
  readonly anchor?: Date;
  /** Truncate a non-empty ERP first. Demo only: never point this at a real ERP. */
  readonly replace?: boolean;
  /** Rows per bulk load, bounding memory. */
  readonly chunkSize?: number;
  readonly onProgress?: (progress: DemoProgress) => void;
}

/** Seed scale (ARCHITECTURE.md §6): ~120k headers and ~540k lines, some older than the 365-day window. */
export const demoDefaults = {
  customers: 46_336,
  days: 400,
  seed: 1,
  chunkSize: 50_000,
} as const;

/** Customer numbers are C + 5 digits, with gaps for deleted customers. */
export const maxDemoCustomers = 90_000;
export const maxDemoDays = 3650;

export interface ResolvedDemoOptions {
  readonly customers: number;
  readonly days: number;
  readonly seed: number;
  readonly anchor: Date;
  readonly replace: boolean;
  readonly chunkSize: number;
  readonly onProgress: (progress: DemoProgress) => void;
}

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new RangeError(`Demo option ${name} must be an integer from 1 to ${max}; got ${value}`);
  }
  return value;
}

export function resolveDemoOptions(options: DemoOptions, now: Date = new Date()): ResolvedDemoOptions {
  const seed = options.seed ?? demoDefaults.seed;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`Demo option seed must be an integer from 0 to 4294967295; got ${seed}`);
  }
  const anchor = options.anchor ?? utcMidnight(now);
  if (Number.isNaN(anchor.getTime())) throw new RangeError('Demo option anchor is not a valid date');
  return {
    customers: positiveInteger('customers', options.customers ?? demoDefaults.customers, maxDemoCustomers),
    days: positiveInteger('days', options.days ?? demoDefaults.days, maxDemoDays),
    seed,
    anchor,
    replace: options.replace ?? false,
    chunkSize: positiveInteger('chunkSize', options.chunkSize ?? demoDefaults.chunkSize, 1_000_000),
    onProgress: options.onProgress ?? (() => {}),
  };
}

/** Start of the order history: `days` whole days before the anchor. */
export function historyStart(options: Pick<ResolvedDemoOptions, 'anchor' | 'days'>): number {
  return options.anchor.getTime() - options.days * dayMs;
}
