import { randomUUID } from 'node:crypto';
import type { SyncRunStore } from './sync-ports';
import type { SyncOutcome, SyncService } from './sync-service';

/** What travels on the queue: only the id; the request itself is the `sync_run` row. */
export interface SyncRequestMessage {
  readonly requestId: string;
}

/** The queue port (Azure Storage queue in Azure, an in-process queue in the dev host). */
export interface SyncRequestQueue {
  send(message: SyncRequestMessage): Promise<void>;
  /**
   * Messages the Functions host parked in the poison queue after maxDequeueCount attempts. A queue
   * without one (the in-process queue records its last failure instead) leaves this out.
   */
  poisonMessageCount?(): Promise<number>;
}

export interface SyncRequestAccepted {
  readonly requestId: string;
  readonly status: 'queued';
  /** True when the answer is a request that was already waiting. */
  readonly coalesced: boolean;
}

/** Delivery facts of one queue message, as the queue trigger reports them. */
export interface SyncDelivery {
  readonly dequeueCount: number;
  /** host.json `extensions.queues.maxDequeueCount`: the last attempt before the poison queue. */
  readonly maxDequeueCount: number;
}

export type SyncRequestOutcome =
  | SyncOutcome
  | { readonly status: 'already-finished' }
  | { readonly status: 'never-issued' }
  | { readonly status: 'abandoned'; readonly reason: string };

/** Thrown to make the queue deliver the request again later (host.json `visibilityTimeout`). */
export class SyncBusyError extends Error {
  constructor(requestId: string, dequeueCount: number) {
    super(`Sync request ${requestId}: another run holds the sync lock (attempt ${dequeueCount}); the queue retries it`);
    this.name = 'SyncBusyError';
  }
}

export interface SyncRequests {
  request(): Promise<SyncRequestAccepted>;
  process(requestId: string, delivery: SyncDelivery): Promise<SyncRequestOutcome>;
}

export interface SyncRequestDependencies {
  runs(): Promise<SyncRunStore>;
  readonly queue: SyncRequestQueue;
  readonly sync: SyncService;
  readonly redact: (text: string) => string;
  readonly now?: () => Date;
}

/**
 * Manual sync through a queue. A POST coalesces onto a request that is still queued: that request
 * reads the ERP when it starts, so it already covers the new one and a second would sync the same
 * rows twice. A request arriving while a run is *running* gets its own: the running pass may already
 * be past the rows the operator just fixed. (Hence no 409: the caller always gets a request id.)
 * Two POSTs racing may both enqueue; the second run then finds nothing to change.
 */
export function createSyncRequests(deps: SyncRequestDependencies): SyncRequests {
  const now = deps.now ?? (() => new Date());
  return {
    async request() {
      const runs = await deps.runs();
      const waiting = await runs.queuedRequest();
      if (waiting) return { requestId: waiting, status: 'queued', coalesced: true };
      const requestId = randomUUID();
      await runs.enqueue({ runId: requestId, trigger: 'api', requestedAt: now() });
      try {
        await deps.queue.send({ requestId });
      } catch (error) {
        await runs.abandon(requestId, deps.redact(`could not be queued: ${String(error)}`));
        throw error;
      }
      return { requestId, status: 'queued', coalesced: false };
    },

    async process(requestId, delivery) {
      const runs = await deps.runs();
      const state = await runs.requestState(requestId);
      // POST /sync/run writes the row before it sends the message: a message without one was not ours.
      if (state === null) return { status: 'never-issued' };
      // A redelivery after the run finished (the host died before deleting the message) runs nothing.
      if (state !== 'queued' && state !== 'running') return { status: 'already-finished' };
      const outcome = await deps.sync.run({ trigger: 'api', runId: requestId });
      if (outcome.status !== 'already-running') return outcome;
      if (delivery.dequeueCount < delivery.maxDequeueCount) throw new SyncBusyError(requestId, delivery.dequeueCount);
      const reason = `abandoned after ${delivery.dequeueCount} attempts: another run held the sync lock each time`;
      await runs.abandon(requestId, reason);
      return { status: 'abandoned', reason };
    },
  };
}
