/** The slice of `@azure/keyvault-secrets`' SecretClient the app uses; tests fake exactly this. */
export interface SecretReader {
  getSecret(name: string): Promise<{ value?: string }>;
}

/** Key Vault secret names are the setting names in kebab case: PORTAL_API_KEYS → portal-api-keys. */
export function keyVaultSecretName(setting: string): string {
  return setting.toLowerCase().replaceAll('_', '-');
}
