import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type PortalApp } from '../../shared/composition/create-app';
import { loadSettings } from '../../shared/config';
import type { SyncRunSummary } from '../../shared/sync/sync-summary';
import { cloneTemplate, seedReliabilityErp, windowStartFor } from './helpers/demo-erp';
import { expectedMirror, mirrorRows, type Erp, type Mirror } from './helpers/expected-mirror';
import { diffMirror } from './helpers/mirror-diff';

/**
 * Range digests (shared/sync/digest-scan.ts) skip spans whose digests agree, so what they must not
 * miss is checked on the demo ERP (orphans and all), row by row against ARCHITECTURE.md's mirror:
 * a row changed and changed back, and a delete in a span whose row count and last key stay the same.
 */
const orderDays = 365;
const demo = { customers: 300, days: 400, seed: 21 };
/** Spans of 8 batches: 400 rows, so the edits sit inside spans whose other rows are unchanged. */
const batchSize = 50;

let directory: string;
let app: PortalApp;
let erp: Erp;
let mirror: Mirror;
const windowStart = windowStartFor(orderDays);

beforeAll(async () => {
  const templates = inject('pgliteTemplates');
  directory = mkdtempSync(join(tmpdir(), 'digest-ranges-'));
  const [erpDir, mirrorDir] = [join(directory, 'erp'), join(directory, 'mirror')];
  await cloneTemplate(templates.erp, erpDir, (db) => seedReliabilityErp(db, demo, windowStart));
  await cloneTemplate(templates.mirror, mirrorDir);
  const env = { ERP_CONNECTION: `pglite:${erpDir}`, MIRROR_CONNECTION: `pglite:${mirrorDir}`, SYNC_BATCH_SIZE: String(batchSize), SYNC_ORDER_DAYS: String(orderDays) };
  app = createApp(loadSettings(env));
  [erp, mirror] = [await app.erp(), await app.mirror()];
});
afterAll(async () => {
  await app.close();
  rmSync(directory, { recursive: true, force: true });
});

async function run(): Promise<SyncRunSummary> {
  const outcome = await app.sync.run({ trigger: 'manual' });
  if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
  expect(outcome.entities.every((e) => e.complete)).toBe(true);
  const diff = diffMirror(await expectedMirror(erp, windowStart, new Map()), await mirrorRows(mirror));
  expect(diff.samples).toEqual([]);
  return outcome;
}
const lines = (outcome: SyncRunSummary) => outcome.entities.find((e) => e.entity === 'lines');

/** The n-th mirrored line in key order: a line of an order the mirror has. */
const mirroredLine = (n: number) =>
  mirror.db.selectFrom('ord_detl').select(['order_no', 'lin_no', 'item_desc']).orderBy('order_no').orderBy('lin_no').offset(n).limit(1).executeTakeFirstOrThrow();
const setDesc = (line: { order_no: number; lin_no: string }, text: string | null) =>
  erp.db.updateTable('ord_detl').set({ item_desc: text }).where('order_no', '=', line.order_no).where('lin_no', '=', line.lin_no).execute();

describe('range digests against the demo ERP', () => {
  it('rewrite a row the mirror saw changed once it changes back, and write nothing when the change is undone between runs', async () => {
    expect((await run()).rowsChanged).toBeGreaterThan(1_000);
    expect((await run()).rowsChanged).toBe(0);
    const line = await mirroredLine(1_234);
    await setDesc(line, 'Changed in between');
    await setDesc(line, line.item_desc);
    expect((await run()).rowsChanged).toBe(0);

    await setDesc(line, 'Changed for one run');
    expect(lines(await run())?.updated).toBe(1);
    await setDesc(line, line.item_desc);
    const back = await run();
    expect(back.rowsChanged).toBe(1);
    expect(lines(back)?.updated).toBe(1);
  });

  it('delete a row inside a span whose row count and last key stay the same', async () => {
    const gone = await mirroredLine(2_345);
    const neighbour = await mirroredLine(2_360);
    const count = async () => Number((await erp.db.selectFrom('ord_detl').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await erp.db.deleteFrom('ord_detl').where('order_no', '=', gone.order_no).where('lin_no', '=', gone.lin_no).execute();
    await erp.db.insertInto('ord_detl').values({ order_no: neighbour.order_no, lin_no: '99', item_no: 'DIGEST-TEST', item_desc: null, ord_qty: 1, qty_shipd: 0, unit_price: '1.0000', status: 'O' }).execute();
    expect(await count()).toBe(before);
    const outcome = await run();
    expect(lines(outcome)?.deleted).toBe(1);
    expect(lines(outcome)?.inserted).toBe(1);
    expect((await run()).rowsChanged).toBe(0);
  });
});
