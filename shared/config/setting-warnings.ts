import type { Settings } from './settings-schema';

/** BigCommerce's client secrets are long random strings; a short one was most likely cut off when copied. */
const shortestClientSecret = 32;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** Settings that are valid but probably not what the operator meant; start-up prints each line. */
export function settingWarnings(settings: Settings): string[] {
  const warnings: string[] = [];
  if (settings.BC_CLIENT_SECRET !== undefined && settings.BC_CLIENT_SECRET.length < shortestClientSecret) {
    warnings.push(`BC_CLIENT_SECRET is shorter than ${shortestClientSecret} characters: check it is the app's whole client secret.`);
  }
  if (!loopbackHosts.has(settings.HOST)) {
    warnings.push(`HOST=${settings.HOST}: the dev host is reachable from other machines, not only this one.`);
  }
  return warnings;
}
