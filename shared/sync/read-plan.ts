import type { Checkpoint, PassState } from './checkpoint';
import type { ChangeTrackingInfo } from './sync-ports';

export type PlanReason =
  | 'full-requested'
  | 'resume'
  | 'tracking-off'
  | 'tracking-unavailable'
  | 'no-stored-version'
  | 'version-expired'
  | 'incremental';

export interface ReadPlanInput {
  readonly full: boolean;
  readonly changeTracking: 'auto' | 'off';
  /** Null when the source has no change tracking for the table. */
  readonly tracking: ChangeTrackingInfo | null;
  readonly checkpoint: Checkpoint | null;
  readonly now: Date;
}

export interface ReadPlan {
  readonly pass: PassState;
  readonly reason: PlanReason;
}

const olderThan = (version: string, floor: string): boolean => BigInt(version) < BigInt(floor);

/**
 * How an entity pass reads: resume the pass in progress, read Change Tracking changes since the
 * stored version, or scan everything. CHANGETABLE answers for a version older than
 * CHANGE_TRACKING_MIN_VALID_VERSION are incomplete (cleanup removed history), so that case, a
 * missing version, and a switched-off or unavailable tracking all fall back to a full hash-diff scan.
 */
export function decideReadPlan(input: ReadPlanInput): ReadPlan {
  const tracking = input.changeTracking === 'auto' ? input.tracking : null;
  const scan = (reason: PlanReason): ReadPlan => ({
    reason,
    pass: { mode: 'scan', after: null, since: null, target: tracking?.currentVersion ?? null, startedAt: input.now },
  });
  if (input.full) return scan('full-requested');
  const pass = input.checkpoint?.pass ?? null;
  if (pass?.mode === 'scan') return { reason: 'resume', pass };
  const unavailable = input.changeTracking === 'off' ? 'tracking-off' : 'tracking-unavailable';
  if (pass?.mode === 'changes') {
    if (!tracking) return scan(unavailable);
    if (pass.since === null || olderThan(pass.since, tracking.minValidVersion)) return scan('version-expired');
    return { reason: 'resume', pass };
  }
  if (!tracking) return scan(unavailable);
  const stored = input.checkpoint?.ctVersion ?? null;
  if (stored === null) return scan('no-stored-version');
  if (olderThan(stored, tracking.minValidVersion)) return scan('version-expired');
  return {
    reason: 'incremental',
    pass: { mode: 'changes', after: null, since: stored, target: tracking.currentVersion, startedAt: input.now },
  };
}
