/**
 * The port the sync endpoints use (createApp wires it to the sync request service and the
 * sync's status); tests use an in-memory fake.
 */
export interface SyncControl {
  /** Queues a manual run, or answers the request already waiting (coalesced). */
  request(): Promise<{ readonly requestId: string; readonly status: 'queued'; readonly coalesced: boolean }>;
  /** Queued, running and recent runs, and the checkpoints; JSON-serialisable. */
  status(): Promise<object>;
}
