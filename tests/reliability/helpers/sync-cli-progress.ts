/** Where a run spends its time: starting up (load, open, migrate, lock), then one pass per entity. */
export type Phase = 'startup' | 'customers' | 'orders' | 'lines';

/** Where to kill a run, counted in its own progress, so the kill lands while the run is still working. */
export interface CliKill {
  readonly phase: Phase;
  /**
   * For an entity phase: arm after this many committed-batch lines of the pass (0: at its "started"
   * line). Ignored for 'startup', which arms at the spawn.
   */
  readonly batch: number;
  /** Milliseconds after arming to send SIGKILL. */
  readonly afterMs: number;
}

/** What the watchdog process reports when the CLI has exited. */
export interface WatchdogResult {
  readonly code: number | null;
  /** The CLI died of the planned SIGKILL (false: it had finished first, a miss). */
  readonly killed: boolean;
  /** The CLI ran past the watchdog's limit and was killed for it. */
  readonly hung: boolean;
}

export interface ProgressLine {
  readonly phase: Exclude<Phase, 'startup'>;
  readonly state: 'started' | 'batch' | 'done';
}

const pattern = /^(customers|orders|lines): (started|batch|done)\b/;

/** A progress line of `npm run sync -- --verbose` without a terminal, or null for any other line. */
export function parseProgress(line: string): ProgressLine | null {
  const [, phase, state] = pattern.exec(line) ?? [];
  return phase && state ? { phase: phase as ProgressLine['phase'], state: state as ProgressLine['state'] } : null;
}
