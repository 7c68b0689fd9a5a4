import type { BulkRow } from '../db/bulk-table';
import type { Catalog, CatalogItem } from './catalog';
import { cents, dayMs, fit, tenThousandths, zeroPad } from './format';
import { firstNames, miscCharges, shipVias, surnames } from './names';
import { Quota } from './quota';
import type { Random } from './random';

type Shipment = 'none' | 'partial' | 'full';

interface Lifecycle {
  readonly status: string;
  readonly shipment: Shipment;
}

export interface OrderCustomer {
  readonly custNo: string;
  readonly taxBasisPoints: number;
}

export interface BuiltOrder {
  readonly header: BulkRow;
  readonly lines: BulkRow[];
}

/** Codes outside O/C/V that real ERPs accumulate; the API must pass them through. */
const oddStatuses = ['H', 'X', 'c', ' '] as const;
const lineStatuses: Readonly<Record<string, string>> = { O: 'O', C: 'C', V: 'V', H: 'O', X: 'V', c: 'C', ' ': 'O' };
const quantities = [1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100, 144, 500];

function customerPo(random: Random): string | null {
  if (random.chance(0.15)) return null;
  const roll = random.next();
  if (roll < 0.4) return `PO-${random.int(10_000, 99_999)}`;
  if (roll < 0.7) return `45${zeroPad(random.int(0, 99_999_999), 8)}`;
  if (roll < 0.85) return fit(`${random.pick(surnames).toUpperCase()} JOB ${random.int(1, 999)}`, 20);
  return fit(`${random.pick(firstNames)}'s, ${random.int(1, 12)}/${random.int(1, 28)}`, 20);
}

/** One order's header and lines, with a lifecycle consistent with its age. */
export class OrderBuilder {
  readonly #random: Random;
  readonly #catalog: Catalog;
  readonly #anchorMs: number;
  readonly #oddQuota: Quota;
  #oddIndex = 0;
  #invoiceNo = 700_000;

  constructor(random: Random, catalog: Catalog, anchorMs: number) {
    this.#random = random;
    this.#catalog = catalog;
    this.#anchorMs = anchorMs;
    this.#oddQuota = new Quota(0.005, random);
  }

  build(orderNo: number, orderMs: number, customer: OrderCustomer, lineCount: number): BuiltOrder {
    const random = this.#random;
    const quote = random.chance(0.05);
    const shipMs = Math.floor(orderMs / dayMs) * dayMs + random.int(0, 9) * dayMs;
    const lifecycle = quote ? this.#quoteLifecycle() : this.#orderLifecycle(orderMs, shipMs);
    const { lines, subtotal } = this.#lines(orderNo, lineCount, lifecycle);
    const shipped = lifecycle.shipment !== 'none';
    const invoiced = shipped && random.chance(0.95);
    const invoiceMs = shipMs + random.int(0, 2) * dayMs;
    const header: BulkRow = [
      orderNo,
      quote ? 'Q' : 'O',
      new Date(orderMs),
      customer.custNo,
      customerPo(random),
      random.chance(0.2) ? null : fit(`${random.pick(firstNames)} ${random.pick(surnames)}`, 40),
      random.chance(0.1) ? null : random.pick(shipVias),
      shipped ? new Date(shipMs) : null,
      invoiced ? this.#invoiceNo++ : null,
      invoiced ? new Date(invoiceMs < this.#anchorMs ? invoiceMs : shipMs) : null,
      lifecycle.status,
      this.#freight(quote),
      random.chance(0.02) ? null : cents(Math.round((subtotal * customer.taxBasisPoints) / 1_000_000)),
    ];
    return { header, lines };
  }

  #quoteLifecycle(): Lifecycle {
    const roll = this.#random.next();
    return { status: roll < 0.8 ? 'O' : roll < 0.92 ? 'C' : 'V', shipment: 'none' };
  }

  /** Old orders are mostly complete; recent ones are open, some partly shipped. */
  #orderLifecycle(orderMs: number, shipMs: number): Lifecycle {
    const random = this.#random;
    const canShip = shipMs < this.#anchorMs;
    if (this.#oddQuota.next()) {
      const status = oddStatuses[this.#oddIndex++ % oddStatuses.length] ?? 'H';
      return { status, shipment: status === 'c' && canShip ? 'full' : 'none' };
    }
    if (random.chance(0.03)) return { status: 'V', shipment: 'none' };
    if (!canShip) return { status: 'O', shipment: 'none' };
    const old = this.#anchorMs - orderMs > 45 * dayMs;
    if (random.chance(old ? 0.97 : 0.55)) return { status: 'C', shipment: 'full' };
    return { status: 'O', shipment: old || random.chance(0.6) ? 'partial' : 'none' };
  }

  #lines(orderNo: number, count: number, lifecycle: Lifecycle): { lines: BulkRow[]; subtotal: number } {
    const random = this.#random;
    const lines: BulkRow[] = [];
    let subtotal = 0;
    for (let lineNo = 1; lineNo <= count; lineNo++) {
      const item = random.chance(0.005) ? null : this.#catalog.pick(random);
      let ordered = item ? this.#quantity(item) : 1;
      // The first line of a partly shipped order is always split, so the order really is partial.
      if (lifecycle.shipment === 'partial' && lineNo === 1) ordered = Math.max(ordered, 2);
      const shipped = this.#shipped(lifecycle.shipment, ordered, lineNo);
      const price = item ? this.#price(item) : random.int(5, 75) * 10_000;
      const priced = !random.chance(0.003);
      if (priced) subtotal += ordered * price;
      const base = lineStatuses[lifecycle.status] ?? 'O';
      const status = base === 'O' && shipped === ordered ? 'C' : base;
      lines.push([
        orderNo,
        lineNo,
        item?.itemNo ?? null,
        random.chance(0.03) ? null : (item?.description ?? random.pick(miscCharges)),
        ordered,
        shipped,
        priced ? tenThousandths(price) : null,
        random.chance(0.003) ? null : status,
      ]);
    }
    return { lines, subtotal };
  }

  #quantity(item: CatalogItem): number {
    const quantity = this.#random.pick(quantities);
    return item.price > 5_000_000 ? Math.min(quantity, 3) : quantity;
  }

  /** Contract and volume discounts move some prices off the list price. */
  #price(item: CatalogItem): number {
    if (!this.#random.chance(0.12)) return item.price;
    return Math.max(1, Math.round(item.price * (1 - this.#random.int(5, 25) / 100)));
  }

  #shipped(shipment: Shipment, ordered: number, lineNo: number): number {
    if (shipment === 'none') return 0;
    if (shipment === 'full') return ordered;
    if (lineNo === 1) return this.#random.int(1, ordered - 1);
    const roll = this.#random.next();
    if (roll < 0.4) return ordered;
    if (roll < 0.7 && ordered >= 2) return this.#random.int(1, ordered - 1);
    return 0;
  }

  #freight(quote: boolean): string | null {
    const random = this.#random;
    if (random.chance(quote ? 0.5 : 0.03)) return null;
    if (random.chance(0.3)) return '0.00';
    return cents(Math.round(500 + random.next() ** 2 * 30_000));
  }
}
