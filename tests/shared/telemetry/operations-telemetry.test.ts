import { describe, expect, it } from 'vitest';
import { AppInsightsTelemetry } from '../../../shared/telemetry/app-insights-telemetry';
import { reportedRun, secretFailureReporter } from '../../../shared/telemetry/operations-telemetry';
import { Redactor } from '../../../shared/telemetry/redactor';
import names from '../../../shared/telemetry/telemetry-names.json';
import { FakeTelemetryClient } from './fake-telemetry-client';

const event = names.events.linkSyncRun;

function setup(secrets: string[] = []) {
  const client = new FakeTelemetryClient();
  return { client, telemetry: new AppInsightsTelemetry(client, new Redactor(() => secrets)) };
}

describe('reportedRun', () => {
  it('sends a succeeded run with the summary’s counts and its duration as measurements', async () => {
    const { client, telemetry } = setup();
    const outcome = { status: 'succeeded' as const, summary: { attributeId: 3, read: 8, linked: 6, inserted: 2, note: 'text is not a count' } };
    await expect(reportedRun(telemetry, event, async () => outcome)).resolves.toBe(outcome);
    const [sent] = client.named('event', event);
    expect(sent?.properties).toEqual({ status: 'succeeded' });
    expect(sent?.measurements).toEqual({ attributeId: 3, read: 8, linked: 6, inserted: 2, durationMs: expect.any(Number) });
  });

  it('sends a skipped run with its reason', async () => {
    const { client, telemetry } = setup();
    await reportedRun(telemetry, event, async () => ({ status: 'skipped' as const, reason: 'BC_STORE_HASH not set' }));
    expect(client.named('event', event)[0]?.properties).toEqual({ status: 'skipped', reason: 'BC_STORE_HASH not set' });
  });

  it('sends a failed run with its error, redacted, and rethrows it for the host', async () => {
    const { client, telemetry } = setup(['tok-123456']);
    const failure = new TypeError('BigCommerce refused tok-123456');
    await expect(reportedRun(telemetry, event, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(client.named('event', event)[0]?.properties).toEqual({ status: 'failed', error: 'TypeError: BigCommerce refused [REDACTED]' });
  });
});

describe('secretFailureReporter', () => {
  it('names the setting, whether a stale value covered the failure, and the error; once a minute per setting', () => {
    const { client, telemetry } = setup();
    let now = 0;
    const report = secretFailureReporter(telemetry, () => now);
    const failure = (setting: string) => ({ setting, servedStale: true, error: new Error('403 Forbidden') });
    report(failure('BC_API_TOKEN'));
    now = 59_999;
    report(failure('BC_API_TOKEN'));
    report(failure('PORTAL_API_KEYS'));
    now = 60_000;
    report(failure('BC_API_TOKEN'));
    const sent = client.named('event', names.events.secretUnreadable).map((e) => e.properties);
    expect(sent).toEqual([
      { setting: 'BC_API_TOKEN', servedStale: 'true', error: 'Error: 403 Forbidden' },
      { setting: 'PORTAL_API_KEYS', servedStale: 'true', error: 'Error: 403 Forbidden' },
      { setting: 'BC_API_TOKEN', servedStale: 'true', error: 'Error: 403 Forbidden' },
    ]);
  });
});
