type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * A read started before its result is needed (the next batch's, while this one is written). Its
 * failure is held until taken, so a read that is dropped because the write before it failed or the
 * budget ran out never becomes an unhandled rejection.
 */
export class ReadAhead<T> {
  readonly #outcome: Promise<Outcome<T>>;

  constructor(read: () => Promise<T>) {
    this.#outcome = (async () => read())().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
  }

  /** The read's rows, or its error thrown. */
  async take(): Promise<T> {
    const outcome = await this.#outcome;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Waits for the read to end and ignores how: no query of a pass outlives the pass. */
  async drop(): Promise<void> {
    await this.#outcome;
  }
}
