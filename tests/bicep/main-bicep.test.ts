// Compiles bicep/main.bicep with the real Bicep CLI and checks the production infrastructure:
// - `bicep build` output (the ARM JSON that gets deployed) for structure and for secret-looking literals;
// - `bicep snapshot` of bicep/main.bicepparam (the CLI's own evaluation of that JSON, nested modules
//   flattened, deploy-time expressions resolved) for the values.
// The CLI is restored by `bash .ci/bicep.sh` (tools/bicep/.packages/bicep) or given by BICEP_CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { secretSettings, settingsSchema } from '../../shared/config';
import { platformOrLocalSettings } from '../shared/config/platform-settings';

const repoRoot = path.resolve(__dirname, '..', '..');
const bicepDir = path.join(repoRoot, 'bicep');
const cli = [process.env.BICEP_CLI, path.join(repoRoot, 'tools', 'bicep', '.packages', 'bicep')].find(
  (candidate): candidate is string => !!candidate && existsSync(candidate),
);
const skipReason = 'Bicep CLI not found: run `bash .ci/bicep.sh` (restores it from NuGet) or set BICEP_CLI';

interface TelemetryNames {
  events: Record<string, string>;
  metrics: Record<string, string>;
  dimensions: Record<string, string>;
}
const telemetry = JSON.parse(
  readFileSync(path.join(repoRoot, 'shared', 'telemetry', 'telemetry-names.json'), 'utf8'),
) as TelemetryNames;

type Props = Record<string, unknown>;
interface Resource {
  id?: string;
  type: string;
  name: string;
  kind?: string;
  existing?: boolean;
  tags?: Record<string, string>;
  sku?: { name?: string; tier?: string };
  identity?: { type?: string };
  properties?: Props;
}
interface Template {
  parameters?: Record<string, { allowedValues?: unknown[] }>;
  resources?: Resource[] | Record<string, Resource>;
}
interface Snapshot {
  predictedResources: Resource[];
  diagnostics: unknown[];
  outputs: Record<string, unknown>;
}
interface AppSetting {
  name: string;
  value: string;
}

// Settings the application code reads, plus the platform ones the Functions host needs.
/** Everything the settings schema knows, except what only the platform or a developer machine sets. */
const codeSettings = Object.keys(settingsSchema.shape).filter((name) => !platformOrLocalSettings.includes(name));
const platformSettings = [
  'AzureWebJobsStorage__accountName', 'FUNCTIONS_EXTENSION_VERSION', 'FUNCTIONS_WORKER_RUNTIME',
  'WEBSITE_NODE_DEFAULT_VERSION', 'WEBSITE_RUN_FROM_PACKAGE', 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'WEBSITE_CONTENTSHARE',
];
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
const STORAGE_ROLES = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88', // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', // Storage Table Data Contributor
];

function bicep(args: string[], cwd = repoRoot): string {
  return execFileSync(cli as string, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every resource of a compiled template, nested module deployments included. */
function compiledResources(template: Template): Resource[] {
  const list = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  return list.flatMap((resource) => {
    const nested = (resource.properties?.template ?? undefined) as Template | undefined;
    return resource.type === 'Microsoft.Resources/deployments' && nested
      ? [resource, ...compiledResources(nested)]
      : [resource];
  });
}

describe.skipIf(!cli)('bicep/main.bicep', () => {
  let compiledText = '';
  let compiled: Resource[] = [];
  let mainTemplate: Template = {};
  let snapshotText = '';
  let snapshot: Snapshot = { predictedResources: [], diagnostics: [], outputs: {} };
  let workDir = '';

  const declared = (type: string) => compiled.filter((r) => r.type === type && r.existing !== true);
  const predicted = (type: string) => snapshot.predictedResources.filter((r) => r.type === type);
  const one = (type: string): Resource => {
    const found = predicted(type);
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };
  const site = () => one('Microsoft.Web/sites');
  const appSettings = () => (site().properties?.siteConfig as { appSettings: AppSetting[] }).appSettings;
  const setting = (name: string) => appSettings().find((s) => s.name === name)?.value;

  beforeAll(() => {
    compiledText = bicep(['build', path.join(bicepDir, 'main.bicep'), '--stdout']);
    mainTemplate = JSON.parse(compiledText) as Template;
    compiled = compiledResources(mainTemplate);

    // `bicep snapshot` writes <params>.snapshot.json beside the params file and wants a relative `using`
    // path, so evaluate a copy of main.bicepparam from a temp folder.
    workDir = mkdtempSync(path.join(tmpdir(), 'bicep-snapshot-'));
    const params = readFileSync(path.join(bicepDir, 'main.bicepparam'), 'utf8');
    const using = path.relative(workDir, path.join(bicepDir, 'main.bicep')).split(path.sep).join('/');
    writeFileSync(path.join(workDir, 'main.bicepparam'), params.replace(/^using\s+'[^']*'/m, `using '${using}'`));
    bicep([
      'snapshot', path.join(workDir, 'main.bicepparam'), '--mode', 'overwrite',
      '--subscription-id', '11111111-1111-1111-1111-111111111111', '--tenant-id', '22222222-2222-2222-2222-222222222222',
      '--resource-group', 'rg-erp-portal', '--location', 'westeurope',
    ]);
    snapshotText = readFileSync(path.join(workDir, 'main.snapshot.json'), 'utf8');
    snapshot = JSON.parse(snapshotText) as Snapshot;
  }, 60_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('snapshots without diagnostics', () => {
    expect(snapshot.diagnostics).toEqual([]);
  });

  it('hosts on a Windows Elastic Premium plan (Hybrid Connections need it)', () => {
    const compiledPlan = declared('Microsoft.Web/serverfarms')[0]!;
    expect(compiledPlan.kind).toBe('elastic');
    expect(compiledPlan.properties?.reserved).toBe(false);

    const plan = one('Microsoft.Web/serverfarms');
    expect(plan.kind?.toLowerCase()).not.toContain('linux');
    expect(plan.properties?.reserved).toBe(false);
    expect(plan.sku?.tier).toBe('ElasticPremium');
    expect(['Y1', 'FC1']).not.toContain(plan.sku?.name);
    expect(plan.sku?.name).toBe('EP1');
    expect(mainTemplate.parameters?.functionPlanSku?.allowedValues).toEqual(['EP1', 'EP2', 'EP3']);
  });

  it('runs a Windows Node 24 function app in a 64-bit worker, HTTPS only, TLS 1.2, FTPS off, system identity, no platform CORS', () => {
    const app = site();
    expect(app.kind).toBe('functionapp');
    expect(app.identity?.type).toBe('SystemAssigned');
    expect(app.properties).toMatchObject({
      httpsOnly: true,
      siteConfig: { nodeVersion: '~24', use32BitWorkerProcess: false, minTlsVersion: '1.2', ftpsState: 'Disabled', cors: { allowedOrigins: [] } },
    });
    expect(setting('WEBSITE_NODE_DEFAULT_VERSION')).toBe('~24');
    expect(setting('FUNCTIONS_EXTENSION_VERSION')).toBe('~4');
    expect(setting('FUNCTIONS_WORKER_RUNTIME')).toBe('node');
    expect(setting('WEBSITE_RUN_FROM_PACKAGE')).toBe('1');
  });

  it('sets every app setting the code reads, and none that are local/platform-only', () => {
    const names = appSettings().map((s) => s.name);
    for (const name of [...codeSettings, ...platformSettings]) expect(names, name).toContain(name);
    for (const name of [...platformOrLocalSettings, 'AzureWebJobsStorage']) {
      expect(names).not.toContain(name);
    }
    expect([...(snapshot.outputs.appSettingNames as string[])].sort()).toEqual([...codeSettings].sort());
    expect(setting('DEMO_MODE')).toBe('off');
    expect(setting('SYNC_SCHEDULE')).toBe('0 */15 * * * *');
    expect(setting('SYNC_TIME_BUDGET_SECONDS')).toBe('840');
    expect(setting('BC_ERP_ATTRIBUTE_NAME')).toBe('erp_customer_number');
    expect(setting('AzureWebJobsStorage__accountName')).toBe(one('Microsoft.Storage/storageAccounts').name);
    expect(setting('MIRROR_CONNECTION')).toMatch(/Authentication=Active Directory Default;Encrypt=true/);
    expect(setting('MIRROR_CONNECTION')).not.toMatch(/Password|User ID/i);
  });

  it('references secrets from Key Vault by name (setting name lowercased, _ -> -)', () => {
    const vault = one('Microsoft.KeyVault/vaults').name;
    for (const name of secretSettings) {
      const secretName = name.toLowerCase().replaceAll('_', '-');
      expect(setting(name)).toBe(`@Microsoft.KeyVault(VaultName=${vault};SecretName=${secretName})`);
    }
    expect(snapshot.outputs.keyVaultSecretNames).toEqual([
      'erp-connection', 'portal-api-keys', 'portal-admin-keys', 'bc-client-secret', 'bc-api-token',
    ]);
  });

  it('builds the content-share connection string from listKeys, never from a literal', () => {
    const contentShare = setting('WEBSITE_CONTENTAZUREFILECONNECTIONSTRING') as string;
    expect(contentShare.startsWith('[')).toBe(true);
    expect(contentShare).toMatch(/AccountKey=\{\d+\}/);
    expect(contentShare).toContain('listKeys(');
    const share = one('Microsoft.Storage/storageAccounts/fileServices/shares');
    expect(share.name.endsWith(`/${setting('WEBSITE_CONTENTSHARE')}`)).toBe(true);
  });

  it('contains no secret-looking literal values', () => {
    for (const text of [compiledText, snapshotText]) {
      expect(text).not.toMatch(/Password=/i);
      expect(text).not.toMatch(/administratorLoginPassword/);
      expect(text).not.toMatch(/SharedAccessKey=/i);
      // Every AccountKey= is a format() placeholder filled by listKeys at deployment.
      expect(text).not.toMatch(/AccountKey=(?!\{\d+\})/);
    }
  });

  it('grants the app identity the storage data roles and Key Vault Secrets User', () => {
    const assignments = predicted('Microsoft.Authorization/roleAssignments');
    const vault = one('Microsoft.KeyVault/vaults');
    const storage = one('Microsoft.Storage/storageAccounts');
    const roleIdOf = (r: Resource) => String(r.properties?.roleDefinitionId).split('/').pop();
    const on = (scopeId: string | undefined) => assignments.filter((r) => r.id?.startsWith(`${scopeId}/providers/`));

    expect(on(vault.id).map(roleIdOf)).toEqual([KEY_VAULT_SECRETS_USER]);
    expect(on(storage.id).map(roleIdOf).sort()).toEqual([...STORAGE_ROLES].sort());
    for (const r of assignments) {
      expect(r.properties).toMatchObject({ principalType: 'ServicePrincipal' });
      expect(String(r.properties?.principalId)).toContain('identity.principalId');
    }
  });

  it('creates Key Vault with RBAC, soft delete and purge protection', () => {
    expect(one('Microsoft.KeyVault/vaults').properties).toMatchObject({
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      enablePurgeProtection: true,
    });
  });

  it('creates an Entra-only SQL server with TLS 1.2, the Azure-services rule and the mirror database', () => {
    expect(one('Microsoft.Sql/servers').properties).toMatchObject({
      minimalTlsVersion: '1.2',
      administrators: { administratorType: 'ActiveDirectory', azureADOnlyAuthentication: true },
    });
    expect(one('Microsoft.Sql/servers/firewallRules').properties).toEqual({
      startIpAddress: '0.0.0.0',
      endIpAddress: '0.0.0.0',
    });
    expect(one('Microsoft.Sql/servers/databases').name).toMatch(/\/mirror$/);
  });

  it('creates the relay hybrid connection with client authorization and endpoint metadata', () => {
    const hc = one('Microsoft.Relay/namespaces/hybridConnections');
    expect(hc.properties?.requiresClientAuthorization).toBe(true);
    expect(JSON.parse(String(hc.properties?.userMetadata))).toEqual([
      { key: 'endpoint', value: 'erp-sql.corp.example.local:1433' },
    ]);
    const rights = predicted('Microsoft.Relay/namespaces/hybridConnections/authorizationRules').map(
      (r) => (r.properties?.rights as string[]).join(','),
    );
    expect(rights.sort()).toEqual(['Listen', 'Send']);
    expect(declared('Microsoft.Relay/namespaces/hybridConnections')[0]!.properties?.requiresClientAuthorization).toBe(
      true,
    );
  });

  it('links the function app to the hybrid connection with the Send key from listKeys', () => {
    expect(declared('Microsoft.Web/sites/hybridConnectionNamespaces/relays')).toHaveLength(1);
    const link = one('Microsoft.Web/sites/hybridConnectionNamespaces/relays');
    const hc = one('Microsoft.Relay/namespaces/hybridConnections');
    const send = predicted('Microsoft.Relay/namespaces/hybridConnections/authorizationRules').find((r) =>
      (r.properties?.rights as string[]).includes('Send'),
    );
    expect(link.name.startsWith(`${site().name}/`)).toBe(true);
    expect(link.properties).toMatchObject({
      relayArmUri: hc.id,
      hostname: 'erp-sql.corp.example.local',
      port: 1433,
      sendKeyName: send?.name.split('/').pop(),
    });
    expect(String(link.properties?.sendKeyValue)).toMatch(/^\[listKeys\(/);
    expect(String(link.properties?.sendKeyValue)).toContain(`${send?.id}'`);
  });

  it('alerts on a failed or stale sync using the shared event names', () => {
    const rule = one('Microsoft.Insights/scheduledQueryRules');
    const criteria = rule.properties?.criteria as { allOf: { query: string }[] };
    const query = criteria.allOf[0]!.query;
    expect(query).toContain(`'${telemetry.events.syncRun}'`);
    expect(query).toContain(`customDimensions['${telemetry.dimensions.status}']`);
    expect(query).toMatch(/succeeded == 0 or failed > 0/);
    expect(rule.properties).toMatchObject({ windowSize: 'PT45M', actions: { actionGroups: [] } });
    expect(rule.properties?.scopes).toEqual([one('Microsoft.Insights/components').id]);
  });

  it('ships a workbook whose queries use the shared telemetry names', () => {
    expect(declared('Microsoft.Insights/workbooks')).toHaveLength(1);
    const workbook = one('Microsoft.Insights/workbooks');
    const data = String(workbook.properties?.serializedData);
    const parsed = JSON.parse(data) as { version: string; items: unknown[] };
    expect(parsed.version).toBe('Notebook/1.0');
    for (const name of [
      telemetry.events.syncRun,
      telemetry.events.syncEntity,
      telemetry.metrics.syncLagSeconds,
      telemetry.metrics.apiAuthFailures,
      telemetry.metrics.apiRateLimited,
    ]) {
      expect(data).toContain(`'${name}'`);
    }
    expect(data).toContain('requests | where timestamp {TimeRange}');
    expect(workbook.properties?.sourceId).toBe(one('Microsoft.Insights/components').id);
  });

  it('uses workspace-based Application Insights', () => {
    expect(one('Microsoft.Insights/components').properties?.WorkspaceResourceId).toBe(
      one('Microsoft.OperationalInsights/workspaces').id,
    );
  });

  it('applies the tags parameter to every taggable resource', () => {
    const tags = { workload: 'erp-customer-portal', environment: 'prod' };
    const located = snapshot.predictedResources.filter((r) => 'location' in r);
    expect(located.length).toBeGreaterThanOrEqual(10);
    for (const r of located) expect(r.tags, r.type).toEqual(tags);
  });

  it('outputs what operators need after deployment', () => {
    for (const name of [
      'functionAppName', 'functionAppDefaultHostName', 'keyVaultUri', 'sqlServerFqdn',
      'hybridConnectionName', 'relayNamespaceName', 'keyVaultSecretNames',
    ]) {
      expect(snapshot.outputs, name).toHaveProperty(name);
    }
    expect(snapshot.outputs.functionAppName).toBe(site().name);
  });
});

// Locally the suite above may skip for want of the CLI; CI restores it first, so there it must exist.
it.skipIf(!process.env.CI)('has the Bicep CLI in CI', () => {
  expect(cli, skipReason).toBeDefined();
});
