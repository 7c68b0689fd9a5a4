import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { MirrorSink } from '../../sync/sync-ports';
import { analyzeTable } from '../scratch-table';
import { applyBatch } from './apply-batch';
import { loadCheckpoints } from './load-checkpoints';
import { purgeWindow } from './purge-window';
import { readMirrorDigest } from './read-mirror-digest';
import { readMirrorHashes } from './read-mirror-hashes';
import { readPresentParents } from './read-present-parents';

/** The mirror as the sync engine's destination; checkpoints are written only inside applyBatch's transaction. */
export const mirrorSyncSink = ({ db, dialect }: PortalDatabase<MirrorDatabase>): MirrorSink => ({
  loadCheckpoints: () => loadCheckpoints(db),
  readHashes: (entity, after, upTo) => readMirrorHashes(db, dialect, entity, after, upTo),
  readDigest: (entity, after, upTo) => readMirrorDigest(db, dialect, entity, after, upTo),
  presentParents: (entity, values) => readPresentParents(db, entity, values),
  applyBatch: (entity, batch) => applyBatch(db, dialect, entity, batch),
  purgeWindow: (entity, window) => purgeWindow(db, entity, window),
  refreshStatistics: async (entity) => {
    if (dialect === 'pglite') await analyzeTable(db, entity.mirror);
  },
});
