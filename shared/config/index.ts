import { loadSettings } from './load-settings';
import { keyVaultReader } from './secrets/key-vault-reader';
import { SecretStore } from './secrets/secret-store';
import { secretSettings, type SecretSettingName, type Settings } from './settings-schema';

export { ConfigError } from './config-error';
export { loadSettings, type Environment } from './load-settings';
export { SecretStore, SecretUnavailableError } from './secrets/secret-store';
export { secretSettings, settingsSchema, type SecretSettingName, type SettingName, type Settings } from './settings-schema';

let cached: Settings | undefined;

/** The process configuration, validated once. The only place that reads process.env. */
export function getSettings(): Settings {
  cached ??= loadSettings(process.env);
  return cached;
}

/** Secret settings as explicitly set in the environment: defaults never shadow Key Vault. */
function explicitSecrets(): Partial<Record<SecretSettingName, string>> {
  const explicit: Partial<Record<SecretSettingName, string>> = {};
  for (const name of secretSettings) {
    const value = process.env[name]?.trim();
    if (value) explicit[name] = value;
  }
  return explicit;
}

/** The secret store of this process: environment first, then Key Vault when KEY_VAULT_URL is set. */
export function createSecretStore(settings: Settings): SecretStore {
  return new SecretStore({
    environment: explicitSecrets(),
    reader: settings.KEY_VAULT_URL ? keyVaultReader(settings.KEY_VAULT_URL, settings.AZURE_CLIENT_ID) : undefined,
    ttlMs: settings.KEY_VAULT_CACHE_SECONDS * 1000,
  });
}
