import type { TelemetryClient } from 'applicationinsights';
import type { Redactor } from './redactor';
import type { Measurements, Properties, Telemetry } from './telemetry';

const defined = (properties: Properties = {}) =>
  Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));

/**
 * The SDK calls the app makes, as applicationinsights' TelemetryClient names them: production sends
 * them through the OpenTelemetry distro (open-telemetry-client.ts), tests record them.
 */
export type TelemetrySdkClient = Pick<TelemetryClient, 'trackEvent' | 'trackMetric' | 'trackException' | 'flush'>;

/** Application Insights with every property, message and stack passed through the redactor. */
export class AppInsightsTelemetry implements Telemetry {
  readonly #client: TelemetrySdkClient;
  readonly #redactor: Redactor;

  constructor(client: TelemetrySdkClient, redactor: Redactor) {
    this.#client = client;
    this.#redactor = redactor;
  }

  event(name: string, properties: Properties, measurements: Measurements = {}): void {
    this.#client.trackEvent({ name, properties: this.#redactor.properties(defined(properties)), measurements });
  }

  metric(name: string, value: number, properties?: Properties): void {
    this.#client.trackMetric({ name, value, properties: this.#redactor.properties(defined(properties)) });
  }

  exception(error: unknown, properties?: Properties): void {
    const safe = new Error(this.#redactor.text(error instanceof Error ? error.message : String(error)));
    safe.name = error instanceof Error ? error.name : 'Error';
    safe.stack = this.#redactor.text(error instanceof Error ? (error.stack ?? safe.message) : safe.message);
    this.#client.trackException({ exception: safe, properties: this.#redactor.properties(defined(properties)) });
  }

  async flush(): Promise<void> {
    await this.#client.flush();
  }
}
