import { randomBytes } from 'node:crypto';
import type { Settings } from '../config';
import { settingsSchema } from '../config';

export class DemoModeRefused extends Error {}

const defaults = settingsSchema.parse({});

/**
 * Demo mode: DEMO_MODE=on, or auto with both connections at their embedded defaults. Never on an
 * App Service (WEBSITE_SITE_NAME is set there), so a deployed app cannot mint tokens by accident.
 */
export function isDemoMode(settings: Settings): boolean {
  if (settings.DEMO_MODE === 'off') return false;
  if (settings.WEBSITE_SITE_NAME !== undefined) {
    if (settings.DEMO_MODE === 'on') throw new DemoModeRefused('DEMO_MODE=on is refused on Azure (WEBSITE_SITE_NAME is set).');
    return false;
  }
  if (settings.DEMO_MODE === 'on') return true;
  return settings.ERP_CONNECTION === defaults.ERP_CONNECTION && settings.MIRROR_CONNECTION === defaults.MIRROR_CONNECTION;
}

const token = (bytes: number) => randomBytes(bytes).toString('hex');

/** Demo credentials: explicit settings are kept, missing ones are generated for this run. */
export function withDemoCredentials(settings: Settings): Settings {
  return {
    ...settings,
    PORTAL_API_KEYS: settings.PORTAL_API_KEYS.length > 0 ? settings.PORTAL_API_KEYS : [`demo-${token(16)}`],
    PORTAL_ADMIN_KEYS: settings.PORTAL_ADMIN_KEYS.length > 0 ? settings.PORTAL_ADMIN_KEYS : [`demo-admin-${token(16)}`],
    BC_CLIENT_ID: settings.BC_CLIENT_ID ?? `demo-client-${token(8)}`,
    BC_CLIENT_SECRET: settings.BC_CLIENT_SECRET ?? token(32),
    BC_STORE_HASH: settings.BC_STORE_HASH ?? 'demostore',
  };
}

/** The settings the dev host builds its app from: in demo mode, with demo credentials filled in. */
export const devHostSettings = (settings: Settings): Settings => (isDemoMode(settings) ? withDemoCredentials(settings) : settings);
