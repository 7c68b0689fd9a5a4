/** Settings the code reads that are set by the platform (WEBSITE_SITE_NAME) or only on a developer machine. */
export const platformOrLocalSettings: readonly string[] = ['PORT', 'HOST', 'AZURE_CLIENT_ID', 'WEBSITE_SITE_NAME'];
