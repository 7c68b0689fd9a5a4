import type { Envelope } from './fake-ingestion';

interface Item {
  customDimensions: Set<string>;
  customMeasurements: Set<string>;
}

/** What one name was sent with: the keys its customDimensions and customMeasurements columns will hold. */
export interface SentItem {
  readonly customDimensions: readonly string[];
  readonly customMeasurements: readonly string[];
}

/** Every event and metric the app sent, with every key seen on any of its items, sorted for a stable file. */
export interface SentTelemetry {
  readonly events: Record<string, SentItem>;
  readonly metrics: Record<string, SentItem>;
}

const keys = (record: unknown) => Object.keys((record ?? {}) as Record<string, unknown>);

function add(into: Map<string, Item>, name: string, dimensions: string[], measurements: string[]) {
  const item = into.get(name) ?? { customDimensions: new Set<string>(), customMeasurements: new Set<string>() };
  dimensions.forEach((key) => item.customDimensions.add(key));
  measurements.forEach((key) => item.customMeasurements.add(key));
  into.set(name, item);
}

const sorted = (items: Map<string, Item>): Record<string, SentItem> =>
  Object.fromEntries(
    [...items.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, item]) => [name, { customDimensions: [...item.customDimensions].sort(), customMeasurements: [...item.customMeasurements].sort() }]),
  );

/**
 * The inventory of envelopes as Application Insights stores them: an EventData's `properties` become the
 * customEvents row's customDimensions and its `measurements` its customMeasurements; a MetricData's
 * `properties` become the customMetrics row's customDimensions (Breeze's contract, the exporter's
 * EventData/MetricData models).
 */
export function inventoryOf(envelopes: readonly Envelope[]): SentTelemetry {
  const events = new Map<string, Item>();
  const metrics = new Map<string, Item>();
  for (const { data } of envelopes) {
    const base = data.baseData;
    if (data.baseType === 'EventData') add(events, String(base.name), keys(base.properties), keys(base.measurements));
    if (data.baseType === 'MetricData') {
      for (const metric of base.metrics as { name: string }[]) add(metrics, metric.name, keys(base.properties), []);
    }
  }
  return { events: sorted(events), metrics: sorted(metrics) };
}
