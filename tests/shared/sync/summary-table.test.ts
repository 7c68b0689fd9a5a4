import { describe, expect, it } from 'vitest';
import { formatSummaryTable } from '../../../shared/sync/summary-table';

describe('summary table', () => {
  it('shows per-entity counts with skip reasons', () => {
    const entity = { mode: 'scan' as const, read: 10, inserted: 1, updated: 2, deleted: 3, durationMs: 1500, rowsPerSecond: 7, complete: true };
    const text = formatSummaryTable({
      runId: 'r1', trigger: 'cli', status: 'succeeded', startedAt: new Date(0), finishedAt: new Date(1500), durationMs: 1500,
      rowsChanged: 6, skippedOrphans: 2, rowsPerSecond: 7,
      entities: [{ ...entity, entity: 'orders', skipped: 2, skippedByReason: { customer_missing: 2 } }],
    });
    expect(text).toContain('customer_missing=2');
    expect(text).toMatch(/orders\s+scan\s+10\s+1\s+2\s+3/);
  });
});
