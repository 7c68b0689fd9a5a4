import type { EntitySummary, SyncRunSummary } from './sync-summary';

const skippedText = (e: EntitySummary): string => {
  const reasons = Object.entries(e.skippedByReason).map(([reason, n]) => `${reason}=${n}`);
  return reasons.length > 0 ? `${e.skipped} (${reasons.join(', ')})` : String(e.skipped);
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Per-entity table for humans: read, inserted, updated, deleted, skipped with reasons, duration, rows/s. */
export function formatSummaryTable(summary: SyncRunSummary): string {
  const header = ['entity', 'mode', 'read', 'inserted', 'updated', 'deleted', 'skipped', 'duration', 'rows/s'];
  const rows = summary.entities.map((e) => [
    e.entity,
    e.mode,
    String(e.read),
    String(e.inserted),
    String(e.updated),
    String(e.deleted),
    skippedText(e),
    seconds(e.durationMs),
    String(e.rowsPerSecond),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', formatSummaryLine(summary)].join('\n');
}

/** One line: status, duration, rows changed, orphans skipped, throughput, error. */
export function formatSummaryLine(summary: SyncRunSummary): string {
  const error = summary.error ? ` error: ${summary.error}` : '';
  return `sync ${summary.status} in ${seconds(summary.durationMs)}: ${summary.rowsChanged} rows changed, ${summary.skippedOrphans} orphans skipped, ${summary.rowsPerSecond} rows/s read (run ${summary.runId})${error}`;
}
