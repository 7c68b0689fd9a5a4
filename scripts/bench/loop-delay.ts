import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How late the event loop ran while something happened: what a request arriving then would have waited, at least. */
export interface LoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Samples the event loop's delay (every 10 ms) from the moment it resolves until the returned function
 * is called. The histogram records a delay only from its second sample on, so it resolves once the
 * sampler has run: a loop blocked from then on is still recorded. Likewise the stop waits for one
 * more turn of the loop, so a loop blocked until the stop is recorded too.
 */
export async function watchLoopDelay(): Promise<() => Promise<LoopDelay>> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await turn(25);
  return async () => {
    await turn(25);
    histogram.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
  };
}
