import { judgeSecret } from './secrets/secret-rules';
import type { Settings } from './settings-schema';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** Settings that are valid but probably not what the operator meant; start-up prints each line. */
export function settingWarnings(settings: Settings): string[] {
  const warnings: string[] = [];
  const secret = judgeSecret('BC_CLIENT_SECRET', settings.BC_CLIENT_SECRET).warning;
  if (secret) warnings.push(`BC_CLIENT_SECRET ${secret}`);
  if (!loopbackHosts.has(settings.HOST)) {
    warnings.push(`HOST=${settings.HOST}: the dev host is reachable from other machines, not only this one.`);
  }
  return warnings;
}
