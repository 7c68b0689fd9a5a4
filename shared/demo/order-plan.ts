import { dayMs } from './format';
import { Quota } from './quota';
import type { Random } from './random';

/** Calibrated so seed scale (46,336 customers over 400 days) gives about 120k orders. */
const ordersPerCustomerDay = 120_000 / (46_336 * 400);
/** Relative volume by UTC weekday, Sunday first; normalised below to average 1. */
const weekdayVolume = [0.25, 1.2, 1.25, 1.2, 1.15, 1.05, 0.35];
const weekdayMean = weekdayVolume.reduce((sum, v) => sum + v, 0) / weekdayVolume.length;
/** Mean of the exponential behind the line count; with the cap this averages ~4.5 lines. */
const lineCountScale = 4.1;
const maxLines = 15;
/** Orders whose header was deleted but whose lines remain: ~0.2% of lines become orphans. */
const headerlessRate = 0.002;

/**
 * The shape of the order history, fixed before any row is generated: orders per day, lines per
 * order and which orders lost their header. Knowing the totals up front gives exact progress.
 */
export interface OrderPlan {
  readonly ordersPerDay: Uint32Array;
  readonly lineCounts: Uint8Array;
  readonly headerless: Uint8Array;
  readonly headers: number;
  readonly lines: number;
}

export function planOrders(customers: number, days: number, startMs: number, random: Random): OrderPlan {
  const ordersPerDay = new Uint32Array(days);
  let orders = 0;
  for (let day = 0; day < days; day++) {
    const weekday = new Date(startMs + day * dayMs).getUTCDay();
    const expected = ((customers * ordersPerCustomerDay * (weekdayVolume[weekday] ?? 1)) / weekdayMean) * (0.8 + 0.4 * random.next());
    // Stochastic rounding keeps tiny demos from rounding every day down to zero.
    const count = Math.floor(expected + random.next());
    ordersPerDay[day] = count;
    orders += count;
  }
  const lineCounts = new Uint8Array(orders);
  const headerless = new Uint8Array(orders);
  const headerlessQuota = new Quota(headerlessRate, random);
  let lines = 0;
  let headers = 0;
  for (let i = 0; i < orders; i++) {
    const count = Math.min(maxLines, 1 + Math.floor(-Math.log(1 - random.next()) * lineCountScale));
    lineCounts[i] = count;
    lines += count;
    const lost = headerlessQuota.next();
    headerless[i] = lost ? 1 : 0;
    if (!lost) headers++;
  }
  return { ordersPerDay, lineCounts, headerless, headers, lines };
}
