import { randomBytes } from 'node:crypto';
import { settingsSchema, settingWarnings, type Settings } from '../config';

/** DEMO_MODE=on beside real credentials or databases: a start-up error naming the settings. */
export class DemoModeRefused extends Error {}

export interface DemoDecision {
  readonly demo: boolean;
  /** Why auto mode stayed off, in one line, when it was for a reason worth telling. */
  readonly reason?: string;
}

const defaults = settingsSchema.parse({});

/**
 * Settings that put real credentials or real databases in reach. Demo mode mints storefront tokens
 * and rewrites customer links, so it never runs beside any of them.
 */
function realSettings(settings: Settings): string[] {
  const names: string[] = [];
  if (settings.WEBSITE_SITE_NAME !== undefined) names.push('WEBSITE_SITE_NAME');
  if (settings.BC_CLIENT_SECRET !== undefined) names.push('BC_CLIENT_SECRET');
  if (settings.BC_API_TOKEN !== undefined) names.push('BC_API_TOKEN');
  if (settings.KEY_VAULT_URL !== undefined) names.push('KEY_VAULT_URL');
  if (!settings.ERP_CONNECTION.startsWith('pglite:')) names.push('ERP_CONNECTION');
  if (!settings.MIRROR_CONNECTION.startsWith('pglite:')) names.push('MIRROR_CONNECTION');
  return names;
}

const named = (names: readonly string[]) => `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} set`;

/**
 * Demo mode: DEMO_MODE=on, or auto with both connections at their embedded defaults; refused
 * whenever a real credential or database is configured (auto turns off and says why, on throws).
 */
export function demoMode(settings: Settings): DemoDecision {
  if (settings.DEMO_MODE === 'off') return { demo: false };
  const real = realSettings(settings);
  if (settings.DEMO_MODE === 'on') {
    if (real.length > 0) {
      throw new DemoModeRefused(`DEMO_MODE=on is refused: ${named(real)}; demo mode never runs beside real credentials or databases.`);
    }
    return { demo: true };
  }
  if (real.length > 0) return { demo: false, reason: `Demo mode is off: ${named(real)} (demo mode never runs beside real credentials).` };
  const embedded = settings.ERP_CONNECTION === defaults.ERP_CONNECTION && settings.MIRROR_CONNECTION === defaults.MIRROR_CONNECTION;
  return { demo: embedded };
}

const token = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Demo credentials for this run. The BigCommerce client id, secret and store hash are always
 * generated, so a demo token can never verify against a real store; explicit API keys are kept.
 */
export function withDemoCredentials(settings: Settings): Settings {
  return {
    ...settings,
    PORTAL_API_KEYS: settings.PORTAL_API_KEYS.length > 0 ? settings.PORTAL_API_KEYS : [`demo-${token(16)}`],
    PORTAL_ADMIN_KEYS: settings.PORTAL_ADMIN_KEYS.length > 0 ? settings.PORTAL_ADMIN_KEYS : [`demo-admin-${token(16)}`],
    BC_CLIENT_ID: `demo-client-${token(8)}`,
    BC_CLIENT_SECRET: token(32),
    BC_STORE_HASH: 'demostore',
  };
}

/** The demo's seller: on its PDFs, its storefront pages and its cart page alike. */
export const demoSellerName = 'Demo Distribution Co.';

/** A seller for the demo's invoice and order PDFs, where the settings name none. */
function withDemoSeller(settings: Settings): Settings {
  if (settings.DOCUMENT_SELLER_NAME !== undefined) return settings;
  return {
    ...settings,
    DOCUMENT_SELLER_NAME: demoSellerName,
    DOCUMENT_SELLER_ADDRESS: settings.DOCUMENT_SELLER_ADDRESS ?? '1 Warehouse Way|Springfield, IL 62701',
    DOCUMENT_REMIT_TO: settings.DOCUMENT_REMIT_TO ?? `${demoSellerName} – Receivables|PO Box 1000|Springfield, IL 62705`,
    DOCUMENT_TERMS: settings.DOCUMENT_TERMS ?? 'Net 30 days from the invoice date. Demo data: not a real invoice.',
  };
}

/**
 * Settings devHostSettings prepared for the demo. Once filled in, their generated credentials look
 * like real ones, so the decision is remembered rather than taken again.
 */
const preparedForDemo = new WeakSet<Settings>();

/**
 * The settings the dev host builds its app from: in demo mode, with demo credentials filled in.
 * Says why auto mode stayed off and warns about risky settings; DEMO_MODE=on beside real
 * credentials throws DemoModeRefused.
 */
export function devHostSettings(settings: Settings, log: (line: string) => void = console.log): Settings {
  const decision = demoMode(settings);
  if (decision.reason) log(decision.reason);
  for (const warning of settingWarnings(settings)) log(`Warning: ${warning}`);
  if (!decision.demo) return settings;
  const demo = withDemoSeller(withDemoCredentials(settings));
  preparedForDemo.add(demo);
  return demo;
}

/** Whether the dev host serves the demo (its page, token stand-in and links) for these settings. */
export const isDemoMode = (settings: Settings): boolean => preparedForDemo.has(settings);
