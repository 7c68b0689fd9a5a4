import { describe, expect, it, vi } from 'vitest';
import { AppInsightsTelemetry } from '../../../shared/telemetry/app-insights-telemetry';
import { Redactor } from '../../../shared/telemetry/redactor';
import { syncRunTelemetry } from '../../../shared/telemetry/sync-run-telemetry';
import names from '../../../shared/telemetry/telemetry-names.json';
import type { SyncRunSummary } from '../../../shared/sync/sync-summary';
import { FakeTelemetryClient } from './fake-telemetry-client';

const entity = (name: 'customers' | 'orders' | 'lines', read: number, inserted: number) => ({
  entity: name,
  mode: 'scan' as const,
  read,
  inserted,
  updated: 1,
  deleted: 0,
  skipped: name === 'customers' ? 0 : 2,
  skippedByReason: {},
  durationMs: 100,
  rowsPerSecond: read * 10,
  complete: true,
});

const summary: SyncRunSummary = {
  runId: 'run-1',
  trigger: 'timer',
  status: 'failed',
  startedAt: new Date('2026-11-24T10:00:00Z'),
  finishedAt: new Date('2026-11-24T10:00:30Z'),
  durationMs: 30_000,
  entities: [entity('customers', 10, 3), entity('orders', 20, 4), entity('lines', 30, 5)],
  rowsChanged: 15,
  skippedOrphans: 4,
  rowsPerSecond: 2,
  error: 'ConnectionError: login failed; Password=hunter22',
};

describe('syncRunTelemetry', () => {
  it('sends one run event and one event per entity with the workbook names, redacted', async () => {
    const client = new FakeTelemetryClient();
    const telemetry = syncRunTelemetry(new AppInsightsTelemetry(client, new Redactor(() => [])), async () => null);
    telemetry.runFinished(summary);
    const [run] = client.named('event', names.events.syncRun);
    expect(run).toMatchObject({
      properties: { runId: 'run-1', trigger: 'timer', status: 'failed', error: 'ConnectionError: login failed; Password=[REDACTED]' },
      measurements: { durationMs: 30_000, rowsChanged: 15, skippedOrphans: 4, rowsPerSecond: 2 },
    });
    const entities = client.named('event', names.events.syncEntity);
    expect(entities.map((e) => (e.properties as Record<string, string>).entity)).toEqual(['customers', 'orders', 'lines']);
    expect(entities[2]).toMatchObject({ measurements: { read: 30, inserted: 5, updated: 1, deleted: 0, skipped: 2 } });
    expect(client.named('metric', names.metrics.syncRowsChanged)[0]).toMatchObject({ value: 15 });
    expect(client.named('metric', names.metrics.syncSkippedOrphans)[0]).toMatchObject({ value: 4 });
  });

  it('reports the lag since the last success, zero right after a successful run', async () => {
    // The lag is read from the clock: a frozen one makes the figures exact, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-01T12:00:00Z') });
    try {
      const client = new FakeTelemetryClient();
      const lastSuccess = new Date(Date.now() - 3_600_000);
      const telemetry = syncRunTelemetry(new AppInsightsTelemetry(client, new Redactor(() => [])), async () => lastSuccess);
      telemetry.runFinished(summary);
      await new Promise((r) => setTimeout(r, 0));
      const [failedLag] = client.named('metric', names.metrics.syncLagSeconds);
      expect(Number(failedLag?.value)).toBe(3600);
      telemetry.runFinished({ ...summary, status: 'succeeded', finishedAt: new Date() });
      await new Promise((r) => setTimeout(r, 0));
      expect(Number(client.named('metric', names.metrics.syncLagSeconds)[1]?.value)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records a skipped tick', () => {
    const client = new FakeTelemetryClient();
    syncRunTelemetry(new AppInsightsTelemetry(client, new Redactor(() => [])), async () => null).runSkipped('timer');
    expect(client.named('event', names.events.syncRun)).toEqual([
      expect.objectContaining({ properties: { status: 'skipped', trigger: 'timer' } }),
    ]);
  });
});
