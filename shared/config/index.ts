import { loadSettings } from './load-settings';
import { keyVaultReader } from './secrets/key-vault-reader';
import type { SecretReader } from './secrets/secret-reader';
import { SecretStore, type SecretStoreOptions } from './secrets/secret-store';
import { secretSettings, settingsSchema, type SecretSettingName, type Settings } from './settings-schema';

export { ConfigError } from './config-error';
export { loadSettings, type Environment } from './load-settings';
export { SecretInvalidError, SecretStore, SecretUnavailableError, SecretUnusableError } from './secrets/secret-store';
export { settingWarnings } from './setting-warnings';
export { secretSettings, settingsSchema, type SecretSettingName, type SettingName, type Settings } from './settings-schema';

let cached: Settings | undefined;

/** The process configuration, validated once. The only place that reads process.env. */
export function getSettings(): Settings {
  cached ??= loadSettings(process.env);
  return cached;
}

const embeddedErp = settingsSchema.shape.ERP_CONNECTION.parse(undefined);

/**
 * Secret values the settings already hold. With a vault configured, the embedded ERP default does
 * not count as a value, so an ERP connection string kept only in Key Vault is found there.
 */
function secretsInSettings(settings: Settings): Partial<Record<SecretSettingName, string>> {
  const values: Partial<Record<SecretSettingName, string>> = {};
  for (const name of secretSettings) {
    const value = settings[name];
    const text = Array.isArray(value) ? value.join(',') : value;
    if (!text) continue;
    if (name === 'ERP_CONNECTION' && text === embeddedErp && settings.KEY_VAULT_URL) continue;
    values[name] = text;
  }
  return values;
}

/** What the composition adds to a secret store: where failures are reported, and a test's stand-in for Key Vault. */
export interface SecretStoreHooks {
  readonly onReadFailure?: SecretStoreOptions['onReadFailure'];
  readonly onWarning?: SecretStoreOptions['onWarning'];
  /** Replaces the Key Vault client when KEY_VAULT_URL is set (a fake SecretClient in tests). */
  readonly reader?: SecretReader;
}

/** The secret store of this process: settings first (resolved Key Vault references), then Key Vault. */
export function createSecretStore(settings: Settings, hooks: SecretStoreHooks = {}): SecretStore {
  const vault = settings.KEY_VAULT_URL;
  return new SecretStore({
    ...(hooks.onWarning ? { onWarning: hooks.onWarning } : {}),
    environment: secretsInSettings(settings),
    reader: vault ? (hooks.reader ?? keyVaultReader(vault, settings.AZURE_CLIENT_ID)) : undefined,
    ttlMs: settings.KEY_VAULT_CACHE_SECONDS * 1000,
    ...(hooks.onReadFailure ? { onReadFailure: hooks.onReadFailure } : {}),
  });
}
