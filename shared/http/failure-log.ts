import type { InvocationContext } from '@azure/functions';
import { SecretUnusableError } from '../config';
import type { Redactor } from '../telemetry/redactor';
import { telemetryNames, type Telemetry } from '../telemetry/telemetry';

/** What logging a failure needs: everything passes through the redactor first. */
export interface FailureLog {
  readonly telemetry: Telemetry;
  readonly redactor: Redactor;
}

/**
 * A secret unreadable or refused by the rules: one log line and one event named `SecretUnusable`
 * (the alert's query), with the setting and reason and never the value.
 */
export function reportSecretUnusable(error: SecretUnusableError, context: InvocationContext, log: FailureLog): void {
  const name = telemetryNames.events.secretUnusable;
  context.error(`${name}: ${log.redactor.text(error.message)} (${context.functionName}, invocation ${context.invocationId})`);
  log.telemetry.event(name, { setting: error.setting, reason: error.reason, functionName: context.functionName });
}

/** A failure worth an operator's look, as one redacted line; secret problems also under their stable name. */
export function reportFailure(what: string, error: unknown, context: InvocationContext, log: FailureLog): void {
  if (error instanceof SecretUnusableError) return reportSecretUnusable(error, context, log);
  context.error(`${what} (${context.functionName}, invocation ${context.invocationId}): ${log.redactor.value(error)}`);
}
