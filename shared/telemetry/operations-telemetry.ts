import { telemetryNames, type Measurements, type Telemetry } from './telemetry';

const { events, dimensions } = telemetryNames;

/** What createApp's link and catalog syncs answer: skipped (not configured) or a summary of counts. */
export type ReportedOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'succeeded'; readonly summary: object };

const errorOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);
const counts = (summary: object): Measurements =>
  Object.fromEntries(Object.entries(summary).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));

/**
 * One run of a timer job as one event (`CustomerLinkSyncRun`, `CatalogSyncRun`): status succeeded,
 * skipped or failed, the summary's counts and the duration as measurements. A failure is reported and
 * rethrown, so the host still records the invocation as failed. The workbook's tiles and the
 * "failing or stale" alerts read these events: the host's request rows cannot tell a run that synced
 * from one that was skipped for want of BigCommerce settings.
 */
export async function reportedRun<O extends ReportedOutcome>(telemetry: Telemetry, event: string, run: () => Promise<O>): Promise<O> {
  const started = Date.now();
  const durationMs = () => Date.now() - started;
  try {
    const outcome = await run();
    if (outcome.status === 'skipped') {
      telemetry.event(event, { [dimensions.status]: 'skipped', [dimensions.reason]: outcome.reason }, { durationMs: durationMs() });
    } else {
      telemetry.event(event, { [dimensions.status]: 'succeeded' }, { ...counts(outcome.summary), durationMs: durationMs() });
    }
    return outcome;
  } catch (error) {
    telemetry.event(event, { [dimensions.status]: 'failed', [dimensions.error]: errorOf(error) }, { durationMs: durationMs() });
    throw error;
  }
}

/** A Key Vault read that failed (not a missing secret), as the SecretStore reports it. */
export interface SecretReadFailure {
  readonly setting: string;
  /** True when the last value read keeps serving; false when the caller got an error instead. */
  readonly servedStale: boolean;
  readonly error: unknown;
}

/**
 * `KeyVaultSecretUnreadable`: the secrets alert fires on it, whether or not a stale value covered the
 * failure. During an outage every request that needs a secret retries the read, so one event per setting
 * and minute is sent (the alert looks at 15 minutes), not one per request.
 */
export function secretFailureReporter(telemetry: Telemetry, now: () => number = Date.now): (failure: SecretReadFailure) => void {
  const lastSent = new Map<string, number>();
  return (failure) => {
    const at = now();
    const previous = lastSent.get(failure.setting);
    if (previous !== undefined && at - previous < 60_000) return;
    lastSent.set(failure.setting, at);
    telemetry.event(events.secretUnreadable, {
      [dimensions.setting]: failure.setting,
      [dimensions.servedStale]: String(failure.servedStale),
      [dimensions.error]: errorOf(failure.error),
    });
  };
}
