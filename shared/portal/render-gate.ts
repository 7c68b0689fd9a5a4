import { PortalError } from './portal-error';

/** Bounds the CPU-heavy work of printing documents in one process. */
export interface RenderGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export interface RenderGateOptions {
  /** Renders at once: the renderer is synchronous CPU, so more than one per core buys nothing. */
  readonly concurrent: number;
  /** Renders that may wait; beyond them a request is refused (503, Retry-After) rather than queued. */
  readonly waiting: number;
}

export const defaultRenderGate: RenderGateOptions = { concurrent: 1, waiting: 32 };

/**
 * One gate per process. A render blocks the event loop while it draws, so sixty at once starve every
 * other request (/health/live included). Here they run `concurrent` at a time and the next one
 * starts from `setImmediate`, after the I/O that queued behind the last, never from a microtask.
 */
export function createRenderGate(options: RenderGateOptions = defaultRenderGate): RenderGate {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    running -= 1;
    const next = queue.shift();
    if (next) {
      running += 1;
      setImmediate(next);
    }
  };
  return {
    async run(work) {
      if (running >= options.concurrent) {
        if (queue.length >= options.waiting) throw new PortalError('UNAVAILABLE', 'Too many documents are being printed right now; retry in a moment.');
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
