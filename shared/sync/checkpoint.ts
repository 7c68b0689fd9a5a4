import type { EntityName, KeyValues } from './sync-entities';

/** An entity pass in progress: where it is, and what it reads. */
export interface PassState {
  readonly mode: 'scan' | 'changes';
  /** Last key committed; null before the first batch. */
  readonly after: KeyValues | null;
  /** Changes mode: the version the pass reads changes since. */
  readonly since: string | null;
  /** Change Tracking version read before the pass's first read; the pass is consistent with it. */
  readonly target: string | null;
  readonly startedAt: Date;
}

export interface Checkpoint {
  readonly entity: EntityName;
  readonly pass: PassState | null;
  /** Version the last complete pass is consistent with; null without change tracking. */
  readonly ctVersion: string | null;
  readonly lastCompleteAt: Date | null;
}

export type CheckpointWrite = Omit<Checkpoint, 'entity'>;

interface StoredCursor {
  mode: PassState['mode'];
  after: KeyValues | null;
  since: string | null;
  target: string | null;
}

/** The pass as `sync_state.scan_cursor` text (JSON, well under its 400 characters). */
export function encodeCursor(pass: PassState | null): string | null {
  if (!pass) return null;
  const stored: StoredCursor = { mode: pass.mode, after: pass.after, since: pass.since, target: pass.target };
  return JSON.stringify(stored);
}

export function decodeCursor(text: string | null, startedAt: Date | null): PassState | null {
  if (!text) return null;
  const stored = JSON.parse(text) as StoredCursor;
  return { ...stored, startedAt: startedAt ?? new Date(0) };
}
