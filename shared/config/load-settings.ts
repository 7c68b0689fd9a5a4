import { ConfigError, type SettingProblem } from './config-error';
import { settingsSchema, type Settings } from './settings-schema';

export type Environment = Readonly<Record<string, string | undefined>>;

const keyVaultReference = '@Microsoft.KeyVault(';

/**
 * Validates the environment against the settings schema. Empty strings count as unset, which is
 * what a blank app setting or a `KEY=` line in local.settings.json means.
 */
export function loadSettings(env: Environment): Settings {
  const known = Object.keys(settingsSchema.shape);
  const input: Record<string, string> = {};
  const problems: SettingProblem[] = [];
  for (const name of known) {
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    // App Service leaves the literal reference in place when it cannot resolve it.
    if (value.trimStart().startsWith(keyVaultReference)) {
      problems.push({
        setting: name,
        message:
          'holds an unresolved Key Vault reference; check the app identity has "Key Vault Secrets User" and the secret exists',
      });
      continue;
    }
    input[name] = value;
  }
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ setting: String(issue.path[0] ?? '(root)'), message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}
