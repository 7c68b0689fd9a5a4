import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { KeyHash } from '../../sync/batch-diff';
import type { Checkpoint } from '../../sync/checkpoint';
import type { EntityName, KeyValues, SyncEntity } from '../../sync/sync-entities';
import type { BatchResult, BatchWrite, CheckpointStore, MirrorSink, SyncWindow } from '../../sync/sync-ports';
import { analyzeTable } from './analyze-table';
import { applyBatch } from './apply-batch';
import { loadCheckpoints } from './load-checkpoints';
import { purgeWindow } from './purge-window';
import { readMirrorHashes } from './read-mirror-hashes';
import { mirrorSpec } from './stage-tables';

/** The mirror as the sync engine's destination. */
export class MirrorSyncSink implements MirrorSink {
  constructor(private readonly mirror: PortalDatabase<MirrorDatabase>) {}

  readHashes(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null): Promise<KeyHash[]> {
    return readMirrorHashes(this.mirror.db, this.mirror.dialect, entity, after, upTo);
  }

  applyBatch(entity: SyncEntity, batch: BatchWrite): Promise<BatchResult> {
    return applyBatch(this.mirror.db, this.mirror.dialect, entity, batch);
  }

  purgeWindow(window: SyncWindow): Promise<readonly [number, number]> {
    return purgeWindow(this.mirror.db, window);
  }

  async refreshStatistics(entity: SyncEntity): Promise<void> {
    if (this.mirror.dialect === 'pglite') await analyzeTable(this.mirror.db, mirrorSpec(entity));
  }
}

/** Checkpoints are read here and written only by the sink, inside each batch transaction. */
export class MirrorCheckpointStore implements CheckpointStore {
  constructor(private readonly mirror: PortalDatabase<MirrorDatabase>) {}

  load(): Promise<ReadonlyMap<EntityName, Checkpoint>> {
    return loadCheckpoints(this.mirror.db);
  }
}
