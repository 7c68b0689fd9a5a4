import { metrics, type Histogram } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { flushAzureMonitor } from 'applicationinsights';
import type { TelemetrySdkClient } from './app-insights-telemetry';

const instrumentationScope = 'erp-customer-portal';

/**
 * Custom events, metrics and exceptions through the OpenTelemetry API that `useAzureMonitor()` set up.
 * A log record takes the active context's trace, so an event sent inside a handler carries the
 * invocation's operation id. Azure Monitor's exporter turns a record with the attribute
 * `microsoft.custom_event.name` into a customEvents row (its measurements from `body.measurements`),
 * and one with `exception.type` and `exception.stacktrace` into an exceptions row.
 */
export function openTelemetryClient(): TelemetrySdkClient {
  const logger = logs.getLogger(instrumentationScope);
  const meter = metrics.getMeter(instrumentationScope);
  const histograms = new Map<string, Histogram>();
  const histogram = (name: string) => {
    let found = histograms.get(name);
    if (!found) histograms.set(name, (found = meter.createHistogram(name)));
    return found;
  };
  return {
    trackEvent({ name, properties = {}, measurements = {} }) {
      logger.emit({
        severityNumber: SeverityNumber.INFO,
        body: { measurements },
        attributes: { ...properties, 'microsoft.custom_event.name': name },
      });
    },
    trackMetric({ name, value, properties = {} }) {
      histogram(name).record(value, properties);
    },
    trackException({ exception, properties = {} }) {
      logger.emit({
        severityNumber: SeverityNumber.ERROR,
        body: exception.message,
        attributes: {
          ...properties,
          'exception.type': exception.name,
          'exception.message': exception.message,
          'exception.stacktrace': exception.stack ?? `${exception.name}: ${exception.message}`,
        },
      });
    },
    flush: () => flushAzureMonitor(),
  };
}
