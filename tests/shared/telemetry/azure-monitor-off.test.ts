import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
// Loaded as the Functions worker loads it; the test environment has no connection string.
import '../../../shared/composition/hosted-app';
import { createApp } from '../../../shared/composition/create-app';
import { loadSettings } from '../../../shared/config';
import { azureMonitorStarted } from '../../../shared/telemetry/azure-monitor';
import { nullTelemetry } from '../../../shared/telemetry/telemetry';

describe('without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('the hosted app starts no distro and the app sends nothing', async () => {
    expect(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING).toBeUndefined();
    const app = createApp(loadSettings({}));
    expect(app.telemetry).toBe(nullTelemetry);
    expect(azureMonitorStarted()).toBe(false);
    // No global tracer provider was registered: the API still delegates to its no-op.
    const provider = trace.getTracerProvider() as unknown as { getDelegate(): object };
    expect(provider.getDelegate().constructor.name).toBe('NoopTracerProvider');
    await app.close();
  });
});
