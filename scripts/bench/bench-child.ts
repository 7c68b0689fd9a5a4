/** Helpers for bench phases, each of which runs in its own process so its peak RSS is its own. */
export interface PhaseReport {
  readonly wallMs: number;
  /** Peak resident set size in MB of 10^6 bytes, like the budget's 1.2 GB. */
  readonly maxRssMb: number;
}

export function measure<T extends object>(run: () => Promise<T>): void {
  const started = performance.now();
  run().then(
    (result) => {
      const report: PhaseReport & T = {
        ...result,
        wallMs: Math.round(performance.now() - started),
        // maxRSS is in KiB.
        maxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
      };
      process.stdout.write(`\n@@bench ${JSON.stringify(report)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
