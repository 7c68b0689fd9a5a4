/**
 * An error as one bounded line for `sync_run` and telemetry, passed through the app's one redactor
 * (shared/telemetry/redactor.ts, wired by the composition) before it is cut, so a cut can never
 * leave part of a secret the redactor would have recognised whole.
 */
export function errorText(error: unknown, redact: (text: string) => string, maxLength = 4000): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redact(message).slice(0, maxLength);
}
