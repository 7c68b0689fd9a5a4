import type { TelemetrySdkClient } from '../../../shared/telemetry/app-insights-telemetry';

/** Records what would be sent to Application Insights, at the SDK's interface. */
export class FakeTelemetryClient implements TelemetrySdkClient {
  readonly sent: Array<{ kind: string; item: unknown }> = [];

  trackEvent(item: Parameters<TelemetrySdkClient['trackEvent']>[0]): void {
    this.sent.push({ kind: 'event', item });
  }

  trackMetric(item: Parameters<TelemetrySdkClient['trackMetric']>[0]): void {
    this.sent.push({ kind: 'metric', item });
  }

  trackException(item: Parameters<TelemetrySdkClient['trackException']>[0]): void {
    const { exception, properties } = item;
    this.sent.push({ kind: 'exception', item: { message: exception.message, stack: exception.stack, properties } });
  }

  async flush(): Promise<void> {}

  named(kind: string, name: string): Array<Record<string, unknown>> {
    return this.sent
      .filter((s) => s.kind === kind && (s.item as { name?: string }).name === name)
      .map((s) => s.item as Record<string, unknown>);
  }
}
