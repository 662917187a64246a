import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AppConfig } from '../config';
import type { StorageTarget } from './tables';

/**
 * The service's own Entra identity for Azure resources. On App Service: the user-assigned managed identity named by
 * AZURE_CLIENT_ID. Without it: the default chain (a system-assigned identity, or `az login` on a developer's machine).
 */
export function azureCredential(managedIdentityClientId: string | undefined): TokenCredential {
  return managedIdentityClientId ? new ManagedIdentityCredential({ clientId: managedIdentityClientId }) : new DefaultAzureCredential();
}

/**
 * The tables' account: the Azurite a caller started, else the connection string or the account URL (with the service's
 * identity) that the configuration names.
 */
export function storageTarget(config: Pick<AppConfig, 'storage' | 'managedIdentityClientId'>, azuriteConnectionString: string | undefined): StorageTarget {
  const connectionString = azuriteConnectionString ?? config.storage.connectionString;
  if (connectionString) return { connectionString };
  if (config.storage.accountUrl) return { accountUrl: config.storage.accountUrl, credential: azureCredential(config.managedIdentityClientId) };
  throw new Error('No Table storage: set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, or let the service start Azurite.');
}
