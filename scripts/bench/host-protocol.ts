import type { SyncRunSummary } from '../../shared/sync/sync-summary';
import type { ApiFloorResult } from './api-load';
import type { LinkCounts } from './erp-link';
import type { LoopDelay } from './loop-delay';

/** What the bench asks its dev host (host-phase.ts) over the IPC channel. */
export type HostCommand =
  | { readonly kind: 'floor'; readonly paths: readonly string[]; readonly requests: number }
  /** One sync run; `rewrite` first makes every mirror row look changed, so the run rewrites them all. */
  | { readonly kind: 'sync'; readonly rewrite: boolean }
  | { readonly kind: 'stop' };

export interface HostSyncReport {
  readonly summary: SyncRunSummary;
  /** The host's event loop delay while the sync ran. */
  readonly loopDelay: LoopDelay;
  readonly erp: LinkCounts;
}

export type HostReply =
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'floor'; readonly floor: ApiFloorResult }
  | { readonly kind: 'sync-started' }
  | { readonly kind: 'sync'; readonly report: HostSyncReport }
  | { readonly kind: 'failed'; readonly message: string };
