import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How late the event loop ran while something happened: what a request arriving then would have waited, at least. */
export interface LoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Samples the event loop's delay (every 10 ms) from now until the returned function is called. A
 * loop blocked until that call is recorded once the sampling timer gets to run, so the stop waits
 * for one more turn of the loop before it reads the histogram.
 */
export function watchLoopDelay(): () => Promise<LoopDelay> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 25));
    histogram.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
  };
}
