import type { SecretReader } from '../../../../shared/config/secrets/secret-reader';

/**
 * A stand-in for SecretClient at its SDK interface: named secrets, call log, switchable failure. Like
 * `getSecret` in @azure/keyvault-secrets' README ("Getting a secret"), it answers a KeyVaultSecret whose
 * `value` is the text; a missing secret throws a RestError with statusCode 404 (SecretNotFound).
 */
export class FakeSecretClient implements SecretReader {
  readonly calls: string[] = [];
  failure: Error | undefined;
  constructor(readonly secrets: Map<string, string>) {}

  async getSecret(name: string): Promise<{ value?: string }> {
    this.calls.push(name);
    if (this.failure) throw this.failure;
    const value = this.secrets.get(name);
    if (value === undefined) throw Object.assign(new Error(`SecretNotFound: ${name}`), { statusCode: 404 });
    return { value };
  }
}
