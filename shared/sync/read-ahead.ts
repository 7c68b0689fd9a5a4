import type { MirrorSink } from './sync-ports';

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * A batch read started while the batch before it is written. Its ERP calls run at once; its mirror
 * calls wait until the pass takes it, that is once that write committed and the budget allows another
 * batch. So the mirror serves one caller at a time, a read's mirror hashes are read after the rows
 * before them were written, and a dropped read never reaches the mirror. Its failure is held until
 * taken: a dropped read never becomes an unhandled rejection.
 */
export class ReadAhead<T> {
  readonly #outcome: Promise<Outcome<T>>;
  #decide!: (taken: boolean) => void;
  readonly #taken = new Promise<boolean>((resolve) => (this.#decide = resolve));

  constructor(read: (sink: MirrorSink) => Promise<T>, sink: MirrorSink) {
    this.#outcome = (async () => read(this.#gated(sink)))().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
  }

  /** The read's result, or its error thrown. */
  async take(): Promise<T> {
    this.#decide(true);
    const outcome = await this.#outcome;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Waits for the read to end and ignores how: no query of a pass outlives the pass. */
  async drop(): Promise<void> {
    this.#decide(false);
    await this.#outcome;
  }

  /** Every method of the sink, held until the read is taken (a Proxy, so methods added to the port are held too). */
  #gated(sink: MirrorSink): MirrorSink {
    return new Proxy(sink, {
      get: (target, name, receiver) => {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          // Not a transient error: the read's retries give up on it at once.
          if (!(await this.#taken)) throw new Error('Read ahead dropped before it reached the mirror');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}
