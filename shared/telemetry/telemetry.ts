import names from './telemetry-names.json';

/** Event, metric and dimension names shared with the Bicep workbook and alert. */
export const telemetryNames = names;

export type Properties = Readonly<Record<string, string | number | boolean | undefined>>;
export type Measurements = Readonly<Record<string, number>>;

/** What the app sends to Application Insights; requests are left to the Functions host. */
export interface Telemetry {
  event(name: string, properties: Properties, measurements?: Measurements): void;
  metric(name: string, value: number, properties?: Properties): void;
  exception(error: unknown, properties?: Properties): void;
  flush(): Promise<void>;
}

export const nullTelemetry: Telemetry = {
  event: () => undefined,
  metric: () => undefined,
  exception: () => undefined,
  flush: async () => undefined,
};
