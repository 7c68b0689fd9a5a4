import type { BulkRow } from '../db/bulk-table';
import { OrderBuilder } from './build-order';
import type { Catalog } from './catalog';
import type { CustomerBook } from './customer-book';
import { type DemoTally, tallyHeader, tallyLines } from './demo-counts';
import { dayMs } from './format';
import type { OrderPlan } from './order-plan';
import { Quota } from './quota';
import type { Random } from './random';

export interface OrderChunk {
  readonly headers: BulkRow[];
  readonly lines: BulkRow[];
}

export interface OrderSource {
  readonly plan: OrderPlan;
  readonly book: CustomerBook;
  readonly catalog: Catalog;
  readonly random: Random;
  readonly startMs: number;
  readonly anchorMs: number;
  readonly chunkSize: number;
}

const firstOrderNo = 100_001;
const orphanOrderRate = 0.005;
const syncWindowDays = 365;

/** Order entry times for one day, ascending so order numbers follow the clock; some date-only. */
function entryTimes(dayStartMs: number, count: number, random: Random): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(dayStartMs + (random.chance(0.1) ? 0 : random.int(7 * 3600, 19 * 3600 - 1) * 1000));
  }
  return times.sort((a, b) => a - b);
}

/**
 * `ord_hedr` and `ord_detl` rows in order-number order, yielded whenever `chunkSize` lines have
 * accumulated, tallying edge cases as they go. Marks in `ordered` which customers got a header.
 */
export function* generateOrders(source: OrderSource, tally: DemoTally, ordered: Uint8Array): Generator<OrderChunk> {
  const { plan, book, random } = source;
  const builder = new OrderBuilder(random, source.catalog, source.anchorMs);
  const orphans = new Quota(orphanOrderRate, random);
  const windowStartMs = source.anchorMs - syncWindowDays * dayMs;
  let headers: BulkRow[] = [];
  let lines: BulkRow[] = [];
  let index = 0;
  for (let day = 0; day < plan.ordersPerDay.length; day++) {
    for (const orderMs of entryTimes(source.startMs + day * dayMs, plan.ordersPerDay[day] ?? 0, random)) {
      const headerless = plan.headerless[index] === 1;
      const orphan = !headerless && orphans.next();
      const customer = orphan ? -1 : book.pick(random);
      const order = builder.build(
        firstOrderNo + index,
        orderMs,
        orphan
          ? { custNo: book.missingCustNo(random), taxBasisPoints: 700 }
          : { custNo: book.custNo(customer), taxBasisPoints: book.taxBasisPoints(customer) },
        plan.lineCounts[index] ?? 1,
      );
      index++;
      const partlyShipped = tallyLines(tally, order.lines);
      lines.push(...order.lines);
      if (headerless) {
        tally.orphanLines += order.lines.length;
      } else {
        tallyHeader(tally, order.header, partlyShipped, windowStartMs);
        if (orphan) tally.orphanOrders++;
        else ordered[customer] = 1;
        headers.push(order.header);
      }
      if (lines.length >= source.chunkSize) {
        yield { headers, lines };
        headers = [];
        lines = [];
      }
    }
  }
  if (lines.length > 0 || headers.length > 0) yield { headers, lines };
}
