/** Helpers for bench phases, each of which runs in its own process so its peak RSS is its own. */
export interface PhaseReport {
  readonly wallMs: number;
  readonly maxRssMb: number;
}

export function measure<T extends object>(run: () => Promise<T>): void {
  const started = performance.now();
  run().then(
    (result) => {
      const report: PhaseReport & T = {
        ...result,
        wallMs: Math.round(performance.now() - started),
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
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
