import { describe, expect, it } from 'vitest';
import { diffBatch, diffHashes } from '../../../shared/sync/batch-diff';
import { errorText } from '../../../shared/sync/error-text';
import { backoffDelay, withRetry } from '../../../shared/sync/retry';
import { formatSummaryTable } from '../../../shared/sync/summary-table';
import { syncEntities } from '../../../shared/sync/sync-entities';
import { isTransientError } from '../../../shared/sync/transient-error';

const customers = syncEntities[0]!;
const row = (cust_no: string, cust_name: string | null) => ({ cust_no, cust_name, cust_addr1: null, cust_city: null, cust_state: null, cust_zip: null, cust_phone: null, active: true });

describe('diffBatch', () => {
  it('keeps unchanged rows out, stages new and changed ones, and finds keys gone from the range', () => {
    const a = { row: row('A     ', 'Alpha'), hash: 'ha' };
    const b = { row: row('B     ', 'Beta'), hash: 'hb' };
    const c = { row: row('C     ', null), hash: 'hc' };
    const mirror = [
      { key: ['A'], hash: 'ha' },
      { key: ['B'], hash: 'stale' },
      { key: ['BB'], hash: 'x' },
    ];
    const diff = diffBatch(customers, [a, b, c], mirror);
    expect(diff.upserts.map((u) => u.row.cust_no)).toEqual(['B     ', 'C     ']);
    expect(diff.gone).toEqual([['BB']]);
  });
});

describe('diffHashes', () => {
  it('compares (key, hash) pairs without rows', () => {
    const source = [
      { key: [1, '1'], hash: 'h1' },
      { key: [1, '2'], hash: 'new' },
      { key: [2, '1'], hash: 'h3' },
    ];
    const mirror = [
      { key: [1, '1'], hash: 'h1' },
      { key: [1, '2'], hash: 'old' },
      { key: [1, '3'], hash: 'h4' },
    ];
    expect(diffHashes(source, mirror)).toEqual({ changed: [[1, '2'], [2, '1']], gone: [[1, '3']] });
  });
});

describe('transient errors and retry', () => {
  it('recognises SQL error numbers and socket codes through the mssql wrapping', () => {
    expect(isTransientError({ number: 40613 })).toBe(true);
    expect(isTransientError({ originalError: { info: {}, number: 1205 } })).toBe(true);
    expect(isTransientError({ code: 'ESOCKET' })).toBe(true);
    expect(isTransientError({ precedingErrors: [{ number: 10054 }] })).toBe(true);
    expect(isTransientError({ number: 2627 })).toBe(false);
    expect(isTransientError(new Error('syntax'))).toBe(false);
  });

  it('retries transient failures with growing jittered delays, and gives up on others', async () => {
    const delays: number[] = [];
    let calls = 0;
    const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, isTransient: isTransientError, sleep: async (ms: number) => void delays.push(ms) };
    await expect(withRetry(async () => (++calls < 3 ? Promise.reject({ number: 40501 }) : 'ok'), policy)).resolves.toBe('ok');
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    await expect(withRetry(async () => Promise.reject(new Error('bad')), policy)).rejects.toThrow('bad');
    expect(delays).toHaveLength(2);
    expect(backoffDelay(10, policy)).toBeLessThanOrEqual(1000);
  });
});

describe('error text', () => {
  it('drops credentials and connection strings', () => {
    const text = errorText(new Error("Login failed: Server=tcp:erp,1433;User Id=sa;Password=p@ss;Database=epds01"));
    expect(text).not.toMatch(/p@ss|sa;|tcp:erp/);
  });
});

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
