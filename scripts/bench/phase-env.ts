import type { LinkModel } from './erp-link';
import type { EngineThread } from './open-pglite';

/** BENCH_ERP_LINK is "<rtt ms>,<Mbit/s>" when a phase's ERP goes over the link model; unset, the meter only counts. */
export function linkModel(): LinkModel | null {
  const setting = process.env.BENCH_ERP_LINK;
  if (!setting) return null;
  const [rttMs, mbit] = setting.split(',').map(Number);
  return { rttMs: rttMs!, mbit: mbit! };
}

/** BENCH_PGLITE_THREAD=worker runs both engines in worker threads, as the dev host does; by default in the phase's own thread. */
export const engineThread = (): EngineThread => (process.env.BENCH_PGLITE_THREAD === 'worker' ? 'worker' : 'caller');
