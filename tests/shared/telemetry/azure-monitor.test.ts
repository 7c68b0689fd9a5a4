import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import { loadSettings } from '../../../shared/config';
import { seedDemoErp } from '../../../shared/demo';
import { azureMonitorOptions, azureMonitorStarted } from '../../../shared/telemetry/azure-monitor';
import { telemetryNames } from '../../../shared/telemetry/telemetry';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { FakeIngestion, instrumentationKey, opensslAvailable, type Envelope } from './fake-ingestion';

// The fake ingestion's certificate is self-signed; this file runs in its own worker process.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const ingestion = new FakeIngestion();
const bcToken = 'telemetry-bc-token-0123456789abcdef';
let app: PortalApp;

/** A W3C traceparent as the Functions host sends it with an invocation. */
const traceparent = (traceId: string, spanId: string) => `00-${traceId}-${spanId}-01`;

/**
 * How a handler runs in Microsoft's worker once the distro started: its pre-invocation hook binds the
 * handler to the host's traceparent (the worker suite checks that hook for real; it needs the
 * worker's @azure/functions-core). Without one, the handler runs in the root context.
 */
async function invoke(traceParent: string | undefined, handler: () => Promise<void>): Promise<void> {
  const invocation = traceParent ? propagation.extract(ROOT_CONTEXT, { traceparent: traceParent }) : ROOT_CONTEXT;
  await context.with(invocation, handler);
}

const received = (match: (e: Envelope) => boolean) => ingestion.received(match, () => app.telemetry.flush());

function runIdOf(outcome: Awaited<ReturnType<PortalApp['sync']['run']>>): string {
  if (!('runId' in outcome)) throw new Error(`the sync did not run: ${outcome.status}`);
  return outcome.runId;
}

const runEvent = (runId: string) => (e: Envelope) =>
  e.data.baseType === 'EventData' && e.data.baseData.name === telemetryNames.events.syncRun && (e.data.baseData.properties as Record<string, string>)[telemetryNames.dimensions.runId] === runId;

// Locally a missing openssl skips with the reason in the suite name; CI must have it (.ci/run installs it).
const runnable = opensslAvailable() || Boolean(process.env.CI);
const suite = runnable ? describe : describe.skip;
const title = runnable
  ? 'Application Insights through the OpenTelemetry distro, received by a fake ingestion endpoint'
  : 'Application Insights ingestion skipped: no openssl command for the fake endpoint’s certificate (apt-get install openssl)';

suite(title, () => {
  beforeAll(async () => {
    const connectionString = await ingestion.start();
    const erp = await createTestErp();
    await seedDemoErp(erp, { customers: 5, days: 30, seed: 3 });
    // The production composition: createApp starts the distro from the setting, as a CLI would.
    app = createApp(loadSettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, BC_API_TOKEN: bcToken }), {
      erp,
      mirror: await createTestMirror(),
    });
  });

  afterAll(async () => {
    await app?.close();
    await ingestion.stop();
  });

  it('a sync run inside an invocation sends its ErpSyncRun event with the host’s operation id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const spanId = '00f067aa0ba902b7';
    let runId = '';
    await invoke(traceparent(traceId, spanId), async () => {
      runId = runIdOf(await app.sync.run({ trigger: 'timer' }));
    });
    expect(azureMonitorStarted()).toBe(true);
    const [event] = await received(runEvent(runId));
    expect(event?.iKey).toBe(instrumentationKey);
    expect(event?.tags['ai.operation.id']).toBe(traceId);
    expect(event?.tags['ai.operation.parentId']).toBe(spanId);
    expect(event?.data.baseData.properties).toMatchObject({ [telemetryNames.dimensions.status]: 'succeeded', [telemetryNames.dimensions.trigger]: 'timer' });
    expect(event?.data.baseData.measurements).toMatchObject({ rowsChanged: expect.any(Number), durationMs: expect.any(Number) });
    expect((event?.data.baseData.measurements as Record<string, number>).rowsChanged).toBeGreaterThan(0);
  });

  it('without the host’s trace context the same event has an operation id of its own', async () => {
    let runId = '';
    await invoke(undefined, async () => {
      runId = runIdOf(await app.sync.run({ trigger: 'timer' }));
    });
    const [event] = await received(runEvent(runId));
    expect(event?.tags['ai.operation.id'] ?? '').not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('exceptions carry the operation id and pass through the redactor', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await invoke(traceparent(traceId, 'b7ad6b7169203331'), async () => {
      app.telemetry.exception(new TypeError(`BigCommerce refused token ${bcToken}`), { source: 'telemetry-test' });
    });
    const [exception] = await received((e) => e.data.baseType === 'ExceptionData' && e.tags['ai.operation.id'] === traceId);
    const [details] = exception?.data.baseData.exceptions as Array<{ typeName: string; message: string; stack: string }>;
    expect(details?.typeName).toBe('TypeError');
    expect(details?.message).toBe('BigCommerce refused token [REDACTED]');
    expect(JSON.stringify(exception)).not.toContain(bcToken);
  });

  it('metrics arrive as custom metrics with their dimensions', async () => {
    app.telemetry.metric(telemetryNames.metrics.syncLagSeconds, 42, { probe: 'telemetry-test' });
    const [metric] = await received((e) => e.data.baseType === 'MetricData' && JSON.stringify(e).includes('telemetry-test'));
    expect(metric?.data.baseData.metrics).toEqual([expect.objectContaining({ name: telemetryNames.metrics.syncLagSeconds, value: 42 })]);
  });

  it('instruments outgoing HTTP and Azure SDK calls only, and leaves requests, console and crashes to the host', () => {
    const options = azureMonitorOptions('InstrumentationKey=x');
    const enabled = Object.entries(options.instrumentationOptions ?? {}).filter(([, c]) => (c as { enabled?: boolean }).enabled).map(([n]) => n);
    expect(enabled.sort()).toEqual(['azureSdk', 'http']);
    expect(options).toMatchObject({ enableAutoCollectExceptions: false, enableLiveMetrics: false, enableStandardMetrics: false, enablePerformanceCounters: false });
  });
});
