import { splitList } from '../split-list';

/** Shortest API or admin key accepted: long enough that guessing one is hopeless. */
export const minimumKeyLength = 32;

/** BigCommerce's client secrets are long random strings; a short one was most likely cut off when copied. */
export const shortestClientSecret = 32;

/** What the rules say of one secret value: `refused` stops its use, `warning` is only told. */
export interface SecretVerdict {
  readonly refused?: string;
  readonly warning?: string;
}

/** Short keys are named by position, never by value. */
export function keyListProblem(keys: readonly string[]): string | undefined {
  const short = keys.flatMap((key, index) => (key.length < minimumKeyLength ? [index + 1] : []));
  if (short.length === 0) return undefined;
  return `every key must be at least ${minimumKeyLength} characters (key ${short.join(', ')} of ${keys.length} is shorter)`;
}

/**
 * The one set of rules for secret values, wherever they come from: the environment (checked by the
 * settings schema at start-up) or Key Vault (checked by the secret store on every read). No verdict
 * ever quotes the value.
 */
export function judgeSecret(setting: string, value: string | undefined): SecretVerdict {
  if (value === undefined) return {};
  if (setting === 'PORTAL_API_KEYS' || setting === 'PORTAL_ADMIN_KEYS') {
    const refused = keyListProblem(splitList(value));
    return refused ? { refused } : {};
  }
  if (setting === 'BC_CLIENT_SECRET' && value.length < shortestClientSecret) {
    return { warning: `is shorter than ${shortestClientSecret} characters: check it is the app's whole client secret.` };
  }
  return {};
}
