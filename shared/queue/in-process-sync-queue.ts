import type { SyncRequestMessage, SyncRequestQueue } from '../sync/sync-requests';

export interface InProcessQueueOptions {
  /** Plays the queue trigger: throws to have the message delivered again. */
  readonly consume: (message: SyncRequestMessage, dequeueCount: number) => Promise<unknown>;
  readonly maxDequeueCount: number;
  /** Delay before a failed message is delivered again (host.json `visibilityTimeout`). */
  readonly retryDelayMs: number;
  readonly onError: (error: unknown, message: SyncRequestMessage) => void;
}

/**
 * The queue of a process with no storage account (the dev host: `npm start` needs no Azurite). It
 * delivers each message to the consumer in the background, again after a failure, up to the same
 * dequeue limit as the Storage queue; it does not survive the process, which the dev host accepts.
 */
export class InProcessSyncQueue implements SyncRequestQueue {
  readonly #options: InProcessQueueOptions;
  readonly #pending = new Set<Promise<void>>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(options: InProcessQueueOptions) {
    this.#options = options;
  }

  async send(message: SyncRequestMessage): Promise<void> {
    if (this.#closed) throw new Error('the in-process sync queue is closed');
    this.#deliver(message, 1);
  }

  #deliver(message: SyncRequestMessage, dequeueCount: number): void {
    const delivery = this.#options.consume(message, dequeueCount).then(
      () => undefined,
      (error: unknown) => {
        if (dequeueCount >= this.#options.maxDequeueCount || this.#closed) return this.#options.onError(error, message);
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#deliver(message, dequeueCount + 1);
        }, this.#options.retryDelayMs);
        this.#timers.add(timer);
      },
    );
    this.#pending.add(delivery);
    void delivery.finally(() => this.#pending.delete(delivery));
  }

  /** Waits for deliveries in flight and drops scheduled retries. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#pending]);
  }
}
