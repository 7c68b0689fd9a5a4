import { useAzureMonitor, type AzureMonitorOpenTelemetryOptions, type InstrumentationOptions } from 'applicationinsights';

const instrumentations: InstrumentationOptions = {
  http: { enabled: true },
  azureSdk: { enabled: true },
  // Libraries this app does not use (the mirror is SQL Server through tedious, or PGlite).
  mongoDb: { enabled: false },
  mySql: { enabled: false },
  postgreSql: { enabled: false },
  redis: { enabled: false },
  redis4: { enabled: false },
  bunyan: { enabled: false },
  winston: { enabled: false },
  // The worker already forwards console output to the host, which logs it once.
  console: { enabled: false },
};

/**
 * The OpenTelemetry set-up of this app, each choice deliberate. The Functions host already records
 * every invocation as a request, its live metrics and the worker's console and context.log output,
 * so the worker adds only what the host cannot see: outgoing calls (HTTP to BigCommerce, Azure SDK
 * calls to Key Vault and Storage queues) as dependencies, and the app's own events and metrics.
 */
export function azureMonitorOptions(connectionString: string): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: instrumentations,
    // The Node.js worker reports an unhandled error to the host, which logs it with the invocation;
    // the SDK's process-wide handlers would log it twice and change how the worker exits.
    enableAutoCollectExceptions: false,
    // Requests are the host's; standard request metrics from the worker would count none or twice.
    enableStandardMetrics: false,
    enableLiveMetrics: false,
    enablePerformanceCounters: false,
  };
}

let started = false;

/**
 * Starts the Azure Monitor OpenTelemetry distro once per process, as early as the entry point can:
 * its instrumentations patch modules as they are loaded. Later calls (createApp after the hosted
 * start) do nothing: the OpenTelemetry API takes one global provider of each kind, so a second
 * start would only duplicate the instrumentations.
 */
export function startAzureMonitor(connectionString: string): void {
  if (started) return;
  started = true;
  useAzureMonitor(azureMonitorOptions(connectionString));
}

export const azureMonitorStarted = (): boolean => started;
