import { lastSuccessfulSync } from '../mirror/queries/last-successful-sync';
import type { PortalContext } from './portal-context';

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly mirror: 'reachable' | 'unreachable';
  /** Seconds since the last successful sync finished; null when none has. */
  readonly lastSyncAgeSeconds: number | null;
}

/** Minimal, anonymous health: no versions, settings or error text that could help an attacker. */
export async function checkHealth(
  context: PortalContext,
  onError: (error: unknown) => void,
  now = new Date(),
): Promise<HealthReport> {
  try {
    const finished = await lastSuccessfulSync((await context.mirror()).db);
    return {
      status: 'ok',
      mirror: 'reachable',
      lastSyncAgeSeconds: finished ? Math.max(0, Math.round((now.getTime() - finished.getTime()) / 1000)) : null,
    };
  } catch (error) {
    onError(error);
    return { status: 'unavailable', mirror: 'unreachable', lastSyncAgeSeconds: null };
  }
}
