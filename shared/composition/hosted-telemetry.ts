import { startAzureMonitor } from '../telemetry/azure-monitor';
import { startupConnectionString } from '../config/startup-setting';

/**
 * Telemetry of a Functions host process, started when this module loads: hosted-app.ts imports it
 * first, so the distro's instrumentations are in place before the modules they patch load, and its
 * pre-invocation hook (registered through the worker's `@azure/functions-core`) runs every handler
 * inside the trace the host started, so the app's events carry the invocation's operation id. That
 * hook is why `@azure/functions-opentelemetry-instrumentation` is not used: the rest of that package
 * forwards logs for a host running with `"telemetryMode": "OpenTelemetry"`, which this app's host
 * does not. Without a connection string nothing starts.
 */
const connectionString = startupConnectionString();
if (connectionString) startAzureMonitor(connectionString);
