import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { KeyValues, SyncEntity, SyncRow } from '../sync/sync-entities';
import type { ChangeTrackingInfo, SourceChange, SyncSource, SyncWindow } from '../sync/sync-ports';
import { countErpRows } from './count-erp-rows';
import { readChangeTracking } from './read-change-tracking';
import { readErpBatch } from './read-erp-batch';
import { readErpChanges } from './read-erp-changes';

type Erp = PortalDatabase<ErpDatabase>;

/**
 * The ERP as the sync engine's source: keyset scans on both engines, CHANGETABLE on SQL Server.
 * Takes an opener so an unreachable ERP fails (and is retried) inside the run, where it is recorded.
 */
export class ErpSyncSource implements SyncSource {
  constructor(private readonly open: () => Promise<Erp>) {}

  changeTracking(entity: SyncEntity): Promise<ChangeTrackingInfo | null> {
    return this.open().then((erp) => readChangeTracking(erp, entity));
  }

  readBatch(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<SyncRow[]> {
    return this.open().then((erp) => readErpBatch(erp, entity, after, limit, window));
  }

  readChanges(entity: SyncEntity, since: string, after: KeyValues | null, limit: number, window: SyncWindow): Promise<SourceChange[]> {
    return this.open().then((erp) => readErpChanges(erp, entity, since, after, limit, window));
  }

  estimate(entity: SyncEntity, window: SyncWindow): Promise<number> {
    return this.open().then((erp) => countErpRows(erp, entity, window));
  }
}
