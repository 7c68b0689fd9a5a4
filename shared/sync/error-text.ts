const secretPairs = /\b(password|pwd|user id|uid|accountkey|sharedaccesskey|sharedaccesssignature|client_secret)\s*=\s*[^;'"\s]*/gi;
const connectionStrings = /\b(server|data source|address)\s*=[^'"\n]*/gi;

/** Error text safe for `sync_run` and telemetry: no credentials or connection strings, bounded length. */
export function errorText(error: unknown, maxLength = 4000): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(secretPairs, '$1=***').replace(connectionStrings, '$1=***').slice(0, maxLength);
}
