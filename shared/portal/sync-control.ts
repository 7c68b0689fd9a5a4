/**
 * The port the API uses to reach the sync engine. SyncService (shared/sync/sync-service.ts)
 * satisfies it structurally; tests use an in-memory fake.
 */
export interface SyncControl {
  /** Starts a run; resolves when it ends, or at once with `already-running` when another holds the lock. */
  run(options: { readonly trigger: 'api' }): Promise<{ readonly status: string }>;
  /** Current state and recent history, JSON-serialisable. */
  status(): Promise<object>;
}
