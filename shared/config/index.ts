import { loadSettings } from './load-settings';
import type { Settings } from './settings-schema';

export { ConfigError } from './config-error';
export { loadSettings, type Environment } from './load-settings';
export { secretSettings, settingsSchema, type SettingName, type Settings } from './settings-schema';

let cached: Settings | undefined;

/** The process configuration, validated once. The only place that reads process.env. */
export function getSettings(): Settings {
  cached ??= loadSettings(process.env);
  return cached;
}

