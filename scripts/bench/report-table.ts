/** One line of the bench table: what, the figure, its budget and whether the figure meets it. */
export type ReportRow = readonly [label: string, figure: string, budget: string, mark: string];

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const count = (n: number) => n.toLocaleString('en-US');
export const percent = (part: number, whole: number) => `${((part / Math.max(1, whole)) * 100).toFixed(0)}%`;
export const mark = (ok: boolean) => (ok ? 'PASS' : 'SHORT');

export function printTable(rows: readonly ReportRow[]): void {
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const [label, figure, budget, verdict] of rows) {
    console.log(`${label.padEnd(width[0]!)}  ${figure.padStart(width[1]!)}  ${budget.padEnd(width[2]!)}  ${verdict}`.trimEnd());
  }
}
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
