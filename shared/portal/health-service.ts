import { lastSuccessfulSync } from '../mirror/queries/last-successful-sync';
import type { PortalContext } from './portal-context';

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly mirror: 'reachable' | 'unreachable';
  /** Whether the credentials requests are checked against (API keys, client secret) can be read and pass the rules. */
  readonly credentials: 'usable' | 'unusable';
  /** Seconds since the last successful sync finished; null when none has. */
  readonly lastSyncAgeSeconds: number | null;
}

export interface HealthChecks {
  /** Reads every credential requests are checked against; throws when one is unreadable or refused. */
  credentials(): Promise<void>;
  /** Told each failure, for the log: the report itself carries no error text. */
  onError(what: 'mirror' | 'credentials', error: unknown): void;
}

async function mirrorAge(context: PortalContext, now: Date): Promise<number | null> {
  const finished = await lastSuccessfulSync((await context.mirror()).db);
  return finished ? Math.max(0, Math.round((now.getTime() - finished.getTime()) / 1000)) : null;
}

/** Minimal, anonymous health: no versions, settings or error text that could help an attacker. */
export async function checkHealth(context: PortalContext, checks: HealthChecks, now = new Date()): Promise<HealthReport> {
  const [mirror, credentials] = await Promise.allSettled([mirrorAge(context, now), checks.credentials()]);
  if (mirror.status === 'rejected') checks.onError('mirror', mirror.reason);
  if (credentials.status === 'rejected') checks.onError('credentials', credentials.reason);
  const healthy = mirror.status === 'fulfilled' && credentials.status === 'fulfilled';
  return {
    status: healthy ? 'ok' : 'unavailable',
    mirror: mirror.status === 'fulfilled' ? 'reachable' : 'unreachable',
    credentials: credentials.status === 'fulfilled' ? 'usable' : 'unusable',
    lastSyncAgeSeconds: mirror.status === 'fulfilled' ? mirror.value : null,
  };
}
