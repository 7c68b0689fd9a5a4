import type { SecretSettingName } from '../settings-schema';
import { splitList } from '../split-list';
import { keyVaultSecretName, type SecretReader } from './secret-reader';
import { judgeSecret } from './secret-rules';

/** A secret the app cannot use: unreadable or against the rules. Its message never holds the value. */
export class SecretUnusableError extends Error {
  constructor(
    readonly setting: SecretSettingName,
    readonly reason: 'unreadable' | 'invalid',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SecretUnusableError';
  }
}

export class SecretUnavailableError extends SecretUnusableError {
  constructor(setting: SecretSettingName, cause: unknown) {
    super(setting, 'unreadable', `Secret for ${setting} could not be read from Key Vault`, { cause });
    this.name = 'SecretUnavailableError';
  }
}

export class SecretInvalidError extends SecretUnusableError {
  constructor(setting: SecretSettingName, source: string, problem: string) {
    super(setting, 'invalid', `${setting} from ${source} is refused: ${problem}`);
    this.name = 'SecretInvalidError';
  }
}

interface CacheEntry {
  readonly value: string | undefined;
  readonly expiresAt: number;
}

export interface SecretStoreOptions {
  /** Secret values set in the environment: where App Service puts resolved Key Vault references. */
  readonly environment: Partial<Record<SecretSettingName, string>>;
  readonly reader?: SecretReader;
  readonly ttlMs: number;
  readonly now?: () => number;
  /**
   * Told of every Key Vault read that failed (a missing secret is not a failure), whether or not a stale
   * value covered it: the composition sends it to telemetry, where the secrets alert watches for it.
   */
  readonly onReadFailure?: (failure: { setting: SecretSettingName; servedStale: boolean; error: unknown }) => void;
  /** Told once per value when a secret passes the rules with a warning (a short client secret). */
  readonly onWarning?: (setting: SecretSettingName, message: string) => void;
}

const isNotFound = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

/**
 * Resolves secret settings: the environment first (the recommended path: Key Vault references),
 * then Key Vault at run time, cached for a TTL so a rotated secret is picked up without a restart.
 * When Key Vault fails after a value was cached, the stale value keeps the app serving.
 */
export class SecretStore {
  readonly #options: SecretStoreOptions;
  readonly #cache = new Map<SecretSettingName, CacheEntry>();
  readonly #pending = new Map<SecretSettingName, Promise<string | undefined>>();
  readonly #warned = new Map<SecretSettingName, string>();

  constructor(options: SecretStoreOptions) {
    this.#options = options;
  }

  /** The secret's value, held to the secret rules wherever it came from; a refused value throws SecretInvalidError. */
  async get(setting: SecretSettingName): Promise<string | undefined> {
    const fromEnvironment = this.#options.environment[setting];
    if (fromEnvironment !== undefined) return this.#judged(setting, 'the environment', fromEnvironment);
    const value = await this.#fromVault(setting);
    return this.#judged(setting, `Key Vault (secret ${keyVaultSecretName(setting)})`, value);
  }

  #judged(setting: SecretSettingName, source: string, value: string | undefined): string | undefined {
    const verdict = judgeSecret(setting, value);
    if (verdict.refused) throw new SecretInvalidError(setting, source, verdict.refused);
    if (verdict.warning && value !== undefined && this.#warned.get(setting) !== value) {
      this.#warned.set(setting, value);
      this.#options.onWarning?.(setting, `${setting} from ${source} ${verdict.warning}`);
    }
    return value;
  }

  async #fromVault(setting: SecretSettingName): Promise<string | undefined> {
    const reader = this.#options.reader;
    if (!reader) return undefined;
    const now = (this.#options.now ?? Date.now)();
    const cached = this.#cache.get(setting);
    if (cached && cached.expiresAt > now) return cached.value;
    let pending = this.#pending.get(setting);
    if (!pending) {
      pending = this.#fetch(reader, setting, now, cached).finally(() => this.#pending.delete(setting));
      this.#pending.set(setting, pending);
    }
    return pending;
  }

  /** A comma-separated secret as a list: several API keys are valid at once during rotation. */
  async list(setting: SecretSettingName): Promise<readonly string[]> {
    return splitList(await this.get(setting));
  }

  /** Every secret value this process knows, for redaction: lists contribute each item too. */
  *knownValues(): Iterable<string> {
    const values = [
      ...Object.values(this.#options.environment),
      ...[...this.#cache.values()].map((entry) => entry.value),
    ];
    for (const value of values) {
      if (!value) continue;
      yield value;
      if (value.includes(',')) yield* splitList(value);
    }
  }

  async #fetch(reader: SecretReader, setting: SecretSettingName, now: number, stale: CacheEntry | undefined) {
    try {
      const secret = await reader.getSecret(keyVaultSecretName(setting));
      const value = secret.value?.trim() || undefined;
      this.#cache.set(setting, { value, expiresAt: now + this.#options.ttlMs });
      return value;
    } catch (error) {
      if (isNotFound(error)) {
        this.#cache.set(setting, { value: undefined, expiresAt: now + this.#options.ttlMs });
        return undefined;
      }
      this.#options.onReadFailure?.({ setting, servedStale: stale !== undefined, error });
      if (stale) return stale.value;
      throw new SecretUnavailableError(setting, error);
    }
  }
}
