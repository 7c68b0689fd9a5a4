import type { BatchResult } from './sync-ports';
import type { EntityName, SkipReason } from './sync-entities';
import { rowsPerSecond, type EntitySummary } from './sync-summary';

/** Running counts of one entity in one run; becomes its EntitySummary. */
export class EntityTally {
  mode: EntitySummary['mode'] = 'scan';
  read = 0;
  inserted = 0;
  updated = 0;
  deleted = 0;
  skipped = 0;
  complete = false;
  #startedAt: number | null = null;
  #durationMs = 0;

  constructor(
    readonly entity: EntityName,
    readonly skipReason: SkipReason | undefined,
  ) {}

  start(now: number): void {
    this.#startedAt = now;
  }

  stop(now: number): void {
    if (this.#startedAt !== null) this.#durationMs += now - this.#startedAt;
    this.#startedAt = null;
  }

  add(read: number, result: BatchResult): void {
    this.read += read;
    this.inserted += result.inserted;
    this.updated += result.updated;
    this.deleted += result.deleted;
    this.skipped += result.skipped;
  }

  summary(): EntitySummary {
    return {
      entity: this.entity,
      mode: this.mode,
      read: this.read,
      inserted: this.inserted,
      updated: this.updated,
      deleted: this.deleted,
      skipped: this.skipped,
      skippedByReason: this.skipReason && this.skipped > 0 ? { [this.skipReason]: this.skipped } : {},
      durationMs: this.#durationMs,
      rowsPerSecond: rowsPerSecond(this.read, this.#durationMs),
      complete: this.complete,
    };
  }
}
