/**
 * Settings the code reads that are set by the platform (WEBSITE_SITE_NAME) or only on a developer
 * machine (AzureWebJobsStorage as a connection string: Azure uses the identity-based form; BC_API_BASE_URL
 * points the BigCommerce client at a local stand-in).
 */
export const platformOrLocalSettings: readonly string[] = [
  'PORT',
  'HOST',
  'AZURE_CLIENT_ID',
  'WEBSITE_SITE_NAME',
  'AzureWebJobsStorage',
  'AzureWebJobsStorage__queueServiceUri',
  'BC_API_BASE_URL',
];

/** Settings the code reads that Bicep sets among the platform's own (identity-based host storage). */
export const bicepPlatformSettings: readonly string[] = ['AzureWebJobsStorage__accountName'];
