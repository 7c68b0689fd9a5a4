import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { HashedRow, KeyHash } from '../sync/batch-diff';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { ChangeTrackingInfo, SourceChange, SyncSource, SyncWindow } from '../sync/sync-ports';
import { countErpRows } from './count-erp-rows';
import { readChangeTracking } from './read-change-tracking';
import { readErpBatch } from './read-erp-batch';
import { readErpChanges } from './read-erp-changes';
import { readErpHashes } from './read-erp-hashes';
import { readErpKeys } from './read-erp-keys';
import { readErpRange } from './read-erp-range';

type Erp = PortalDatabase<ErpDatabase>;

/** Keys per key-list read: two parameters each stays far below SQL Server's 2,100. */
const keysPerRead = 200;

/**
 * The ERP as the sync engine's source: keyset scans on both engines, CHANGETABLE on SQL Server.
 * Takes an opener so an unreachable ERP fails (and is retried) inside the run, where it is recorded.
 */
export class ErpSyncSource implements SyncSource {
  constructor(private readonly open: () => Promise<Erp>) {}

  changeTracking(entity: SyncEntity): Promise<ChangeTrackingInfo | null> {
    return this.open().then((erp) => readChangeTracking(erp, entity));
  }

  readBatch(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<HashedRow[]> {
    return this.open().then((erp) => readErpBatch(erp, entity, after, limit, window));
  }

  readHashes(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<KeyHash[]> {
    return this.open().then((erp) => readErpHashes(erp, entity, after, limit, window));
  }

  readRange(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues, window: SyncWindow): Promise<HashedRow[]> {
    return this.open().then((erp) => readErpRange(erp, entity, after, upTo, window));
  }

  async readKeys(entity: SyncEntity, keys: readonly KeyValues[], window: SyncWindow): Promise<HashedRow[]> {
    const erp = await this.open();
    const rows: HashedRow[] = [];
    for (let i = 0; i < keys.length; i += keysPerRead) rows.push(...(await readErpKeys(erp, entity, keys.slice(i, i + keysPerRead), window)));
    return rows;
  }

  readChanges(entity: SyncEntity, since: string, after: KeyValues | null, limit: number, window: SyncWindow): Promise<SourceChange[]> {
    return this.open().then((erp) => readErpChanges(erp, entity, since, after, limit, window));
  }

  estimate(entity: SyncEntity, window: SyncWindow): Promise<number> {
    return this.open().then((erp) => countErpRows(erp, entity, window));
  }
}
