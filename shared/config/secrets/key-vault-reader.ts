import { DefaultAzureCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import type { SecretReader } from './secret-reader';

/** Key Vault through the app's managed identity (or the developer's az login locally). */
export function keyVaultReader(vaultUrl: string, managedIdentityClientId?: string): SecretReader {
  const credential = new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
  return new SecretClient(vaultUrl, credential);
}
