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
 * Azurite, the local storage emulator: the development-storage shortcut, or its documented account
 * (`devstoreaccount1`, whose key is public). Any other storage connection string reaches a real account.
 */
const emulatedStorage = (connection: string) =>
  /(^|;)\s*UseDevelopmentStorage\s*=\s*true\s*(;|$)/i.test(connection) || /(^|;)\s*AccountName\s*=\s*devstoreaccount1\s*(;|$)/i.test(connection);

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
  // A real storage account carries the sync queue: a demo POST /sync/run would send to it.
  if (settings.AzureWebJobsStorage !== undefined && !emulatedStorage(settings.AzureWebJobsStorage)) names.push('AzureWebJobsStorage');
  if (settings.AzureWebJobsStorage__accountName !== undefined) names.push('AzureWebJobsStorage__accountName');
  if (settings.AzureWebJobsStorage__queueServiceUri !== undefined) names.push('AzureWebJobsStorage__queueServiceUri');
  if (settings.APPLICATIONINSIGHTS_CONNECTION_STRING !== undefined) names.push('APPLICATIONINSIGHTS_CONNECTION_STRING');
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

/** Keys this process generated for the demo: the only keys start-up may print. */
export interface GeneratedKeys {
  readonly apiKey?: string;
  readonly adminKey?: string;
}

const generated = new WeakMap<Settings, GeneratedKeys>();

/** The keys withDemoCredentials generated for these settings; configured keys are never among them. */
export const generatedKeys = (settings: Settings): GeneratedKeys => generated.get(settings) ?? {};

/**
 * Demo credentials for this run. The BigCommerce client id, secret and store hash are always
 * generated, so a demo token can never verify against a real store; explicit API keys are kept.
 */
export function withDemoCredentials(settings: Settings): Settings {
  const apiKey = settings.PORTAL_API_KEYS.length > 0 ? undefined : `demo-${token(16)}`;
  const adminKey = settings.PORTAL_ADMIN_KEYS.length > 0 ? undefined : `demo-admin-${token(16)}`;
  const demo: Settings = {
    ...settings,
    PORTAL_API_KEYS: apiKey ? [apiKey] : settings.PORTAL_API_KEYS,
    PORTAL_ADMIN_KEYS: adminKey ? [adminKey] : settings.PORTAL_ADMIN_KEYS,
    BC_CLIENT_ID: `demo-client-${token(8)}`,
    BC_CLIENT_SECRET: token(32),
    BC_STORE_HASH: 'demostore',
  };
  generated.set(demo, { ...(apiKey ? { apiKey } : {}), ...(adminKey ? { adminKey } : {}) });
  return demo;
}

/** The demo's seller: on its PDFs, its storefront pages and its cart page alike. */
export const demoSellerName = 'Demo Distribution Co.';

/** A seller for the demo's invoice and order PDFs, where the settings name none. */
function withDemoSeller(settings: Settings): Settings {
  if (settings.DOCUMENT_SELLER_NAME !== undefined) return settings;
  const withSeller: Settings = {
    ...settings,
    DOCUMENT_SELLER_NAME: demoSellerName,
    DOCUMENT_SELLER_ADDRESS: settings.DOCUMENT_SELLER_ADDRESS ?? '1 Warehouse Way|Springfield, IL 62701',
    DOCUMENT_REMIT_TO: settings.DOCUMENT_REMIT_TO ?? `${demoSellerName} – Receivables|PO Box 1000|Springfield, IL 62705`,
    DOCUMENT_TERMS: settings.DOCUMENT_TERMS ?? 'Net 30 days from the invoice date. Demo data: not a real invoice.',
  };
  generated.set(withSeller, generatedKeys(settings));
  return withSeller;
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
