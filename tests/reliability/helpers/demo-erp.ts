import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { pgliteDatabase } from '../../../shared/db/open-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import { seedDemoErp, type DemoOptions } from '../../../shared/demo';
import type { Erp } from './expected-mirror';

const dayMs = 86_400_000;
/** Longer than any check runs: the order window's start cannot cross this stretch meanwhile. */
const windowDrift = 30 * 60_000;

/** The order window's start for runs in the next half hour (SYNC_ORDER_DAYS = `days`). */
export const windowStartFor = (days: number) => new Date(Date.now() - days * dayMs);

/**
 * The window's start moves with the clock. Moving the few orders dated just after it a day back
 * (out of the window) makes "in the window" a fixed fact for every run of the check, whenever it
 * starts; the order that ages out between two runs is the purge's unit tests' business.
 */
export async function clearWindowStart(erp: Erp, windowStart: Date): Promise<number> {
  const result = await erp.db
    .updateTable('ord_hedr')
    .set({ order_dt: sql<Date>`order_dt - interval '1 day'` })
    .where('order_dt', '>=', windowStart)
    .where('order_dt', '<', new Date(windowStart.getTime() + windowDrift))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The deterministic demo ERP, then the window's start cleared. */
export async function seedReliabilityErp(erp: Erp, options: DemoOptions, windowStart: Date): Promise<void> {
  await seedDemoErp(erp, options);
  await clearWindowStart(erp, windowStart);
}

/** A file-backed PGlite directory cloned from a global-setup template (no initdb), closed again. */
export async function cloneTemplate(template: string, directory: string, fill?: (erp: Erp) => Promise<void>): Promise<void> {
  const pg = await PGlite.create({ dataDir: directory, loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) });
  const database = pgliteDatabase<ErpDatabase>(pg);
  await fill?.(database);
  await database.close();
}
