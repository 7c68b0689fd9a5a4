import { z } from 'zod';
import { keyListProblem } from './secrets/secret-rules';
import { splitList } from './split-list';
import { pgliteDirectoryProblem } from './pglite-directory';
import { caFileProblem, sqlServerConnectionProblems } from './sql-server-connection';

const csv = (fallback: string) => z.string().default(fallback).transform(splitList);

const intSetting = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const connection = (setting: string, fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .default(fallback)
    .superRefine((value, ctx) => {
      if (value.startsWith('pglite:')) {
        const problem = pgliteDirectoryProblem(value.slice('pglite:'.length));
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
        return;
      }
      if (!/(server|data source|address)\s*=/i.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be "pglite:<directory>" or an SQL Server connection string with Server=' });
        return;
      }
      for (const message of sqlServerConnectionProblems(setting, value)) ctx.addIssue({ code: 'custom', message });
    });

/** A comma-separated key list, held to the same rule as a list read from Key Vault (secret-rules.ts). */
const keyList = csv('').superRefine((keys, ctx) => {
  const problem = keyListProblem(keys);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value.length > 0 ? value : undefined))
  .optional();

const bigCommerceApi = 'https://api.bigcommerce.com';
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * BigCommerce's API, or a stand-in on this machine. Nothing else: the store's API token goes to this
 * host, so a mistyped production setting must fail at start-up rather than send it elsewhere.
 */
const bigCommerceApiBase = z
  .string()
  .trim()
  .default(bigCommerceApi)
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return url.origin === bigCommerceApi || (/^https?:$/.test(url.protocol) && loopbackHosts.has(url.hostname));
    },
    { message: `must be ${bigCommerceApi}, or a loopback URL (http://127.0.0.1:<port>) for a local stand-in` },
  );

/** Every setting the app reads (contract names). Secrets are marked in `secretSettings`. */
export const settingsSchema = z.object({
  ERP_CONNECTION: connection('ERP_CONNECTION', 'pglite:.data/erp'),
  ERP_TLS_CA_FILE: optionalText.superRefine((path, ctx) => {
    const problem = path === undefined ? undefined : caFileProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  MIRROR_CONNECTION: connection('MIRROR_CONNECTION', 'pglite:.data/mirror'),
  SYNC_SCHEDULE: z.string().trim().min(1).default('0 */15 * * * *'),
  // Five minutes after the ERP sync's quarter hours, so the two BigCommerce syncs do not write the
  // mirror at the same moment as it; the catalog changes least, so hourly.
  LINK_SYNC_SCHEDULE: z.string().trim().min(1).default('0 5,20,35,50 * * * *'),
  CATALOG_SYNC_SCHEDULE: z.string().trim().min(1).default('0 10 * * * *'),
  SYNC_ORDER_DAYS: intSetting(365, 1, 3650),
  SYNC_BATCH_SIZE: intSetting(5000, 1, 100_000),
  SYNC_TIME_BUDGET_SECONDS: intSetting(840, 10, 86_400),
  SYNC_CHANGE_TRACKING: z.enum(['auto', 'off']).default('auto'),
  QUOTE_ORDER_TYPES: csv('Q'),
  PORTAL_API_KEYS: keyList,
  PORTAL_ADMIN_KEYS: keyList,
  BC_CLIENT_ID: optionalText,
  BC_CLIENT_SECRET: optionalText,
  BC_STORE_HASH: optionalText,
  BC_API_TOKEN: optionalText,
  BC_API_BASE_URL: bigCommerceApiBase,
  BC_ERP_ATTRIBUTE_NAME: z.string().trim().min(1).default('erp_customer_number'),
  // BigCommerce's Catalog reference does not say whether SKUs are case-sensitive, so the store decides.
  BC_SKU_MATCH: z.enum(['case-sensitive', 'case-insensitive']).default('case-sensitive'),
  CORS_ALLOWED_ORIGINS: csv('').pipe(
    z.array(z.url({ protocol: /^https?$/, message: 'must be a comma-separated list of http(s) origins' })),
  ),
  RATE_LIMIT_PER_MINUTE: intSetting(120, 1, 1_000_000),
  RATE_LIMIT_BURST: intSetting(60, 1, 1_000_000),
  FRONT_DOOR_ID: optionalText.pipe(z.guid({ message: 'must be the Front Door ID (a GUID, as in X-Azure-FDID)' }).optional()),
  KEY_VAULT_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
  KEY_VAULT_CACHE_SECONDS: intSetting(300, 0, 86_400),
  AZURE_CLIENT_ID: optionalText,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  // The host's storage, which also carries the manual sync queue: a connection string locally
  // (UseDevelopmentStorage=true is Azurite), identity-based in Azure (__accountName or
  // __queueServiceUri). None at all (the dev host) means an in-process queue.
  AzureWebJobsStorage: optionalText,
  AzureWebJobsStorage__accountName: optionalText,
  AzureWebJobsStorage__queueServiceUri: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  WEBSITE_SITE_NAME: optionalText,
  // What the invoice and order PDFs print as the seller; `|` separates the lines of an address.
  // Any left empty is left off the page.
  DOCUMENT_SELLER_NAME: optionalText,
  DOCUMENT_SELLER_ADDRESS: optionalText,
  DOCUMENT_REMIT_TO: optionalText,
  DOCUMENT_TERMS: optionalText,
  DEMO_MODE: z.enum(['auto', 'on', 'off']).default('auto'),
  PORT: intSetting(7071, 1, 65_535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingName = keyof typeof settingsSchema.shape;

/** Settings that hold credentials: resolvable from Key Vault, never logged. */
export const secretSettings = [
  'ERP_CONNECTION',
  'PORTAL_API_KEYS',
  'PORTAL_ADMIN_KEYS',
  'BC_CLIENT_SECRET',
  'BC_API_TOKEN',
] as const satisfies readonly SettingName[];

export type SecretSettingName = (typeof secretSettings)[number];
