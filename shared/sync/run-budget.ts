/**
 * When to stop between batches: on abort, or when the slowest batch so far would no longer fit
 * before the deadline. Stopping there leaves every committed batch and its checkpoint intact.
 */
export class RunBudget {
  readonly #deadline: number;
  readonly #signal: AbortSignal | undefined;
  readonly #clock: () => number;
  #slowestBatchMs = 0;

  constructor(budgetMs: number, signal: AbortSignal | undefined, clock: () => number = Date.now) {
    this.#clock = clock;
    this.#deadline = clock() + budgetMs;
    this.#signal = signal;
  }

  exhausted(): boolean {
    return this.#signal?.aborted === true || this.#clock() + this.#slowestBatchMs >= this.#deadline;
  }

  /** Times one batch; returns its duration. */
  async time<T>(batch: () => Promise<T>): Promise<T> {
    const started = this.#clock();
    try {
      return await batch();
    } finally {
      this.#slowestBatchMs = Math.max(this.#slowestBatchMs, this.#clock() - started);
    }
  }
}
