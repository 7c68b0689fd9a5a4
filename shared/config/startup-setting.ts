/**
 * Application Insights' connection string, read at start-up before the settings are validated: the
 * distro must start before other modules load (this module loads nothing), while a configuration
 * error must still fail only the first invocation, with every bad setting named.
 */
export function startupConnectionString(): string | undefined {
  return process.env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() || undefined;
}
