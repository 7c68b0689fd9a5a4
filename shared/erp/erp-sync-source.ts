import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { SyncSource } from '../sync/sync-ports';
import { countErpRows } from './count-erp-rows';
import { readChangeTracking } from './read-change-tracking';
import { readErpBatch } from './read-erp-batch';
import { readErpChanges } from './read-erp-changes';
import { readErpGroupDigests } from './read-erp-group-digests';
import { readErpHashRanges } from './read-erp-hash-ranges';
import { readErpHashes } from './read-erp-hashes';
import { readErpKeys } from './read-erp-keys';
import { readErpRange } from './read-erp-range';
import { readErpSpanDigest } from './read-erp-span-digest';

type Erp = PortalDatabase<ErpDatabase>;

/**
 * The ERP as the sync engine's source: keyset scans on both engines, CHANGETABLE on SQL Server.
 * Takes an opener so an unreachable ERP fails (and is retried) inside the run, where it is recorded.
 */
export const erpSyncSource = (open: () => Promise<Erp>): SyncSource => ({
  changeTracking: async (entity) => readChangeTracking(await open(), entity),
  readBatch: async (entity, after, limit, window) => readErpBatch(await open(), entity, after, limit, window),
  readHashes: async (entity, after, limit, window) => readErpHashes(await open(), entity, after, limit, window),
  readSpanDigest: async (entity, after, limit, window) => readErpSpanDigest(await open(), entity, after, limit, window),
  readGroupDigests: async (entity, after, upTo, limit, window) => readErpGroupDigests(await open(), entity, after, upTo, limit, window),
  readHashRanges: async (entity, after, upTo, ranges, window) => readErpHashRanges(await open(), entity, after, upTo, ranges, window),
  readRange: async (entity, after, upTo, window) => readErpRange(await open(), entity, after, upTo, window),
  readKeys: async (entity, keys, window) => readErpKeys(await open(), entity, keys, window),
  readChanges: async (entity, since, after, limit, window) => readErpChanges(await open(), entity, since, after, limit, window),
  estimate: async (entity, window) => countErpRows(await open(), entity, window),
});
