// The two deployment choices main.bicep leaves to the parameter file, evaluated with `bicep snapshot`:
// - privateNetworking = false, the documented cheap sandbox (public endpoints, no VNet);
// - where the sync alert goes: an existing action group, one created from alertEmail, or a refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, snapshotMain, type Resource, type Snapshot } from './helpers/bicep-cli';

const frontDoorId = '3f2b9c1e-8a4d-4e5f-9b6a-1c2d3e4f5a6b';
const existingGroup =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag-ops';

describe.skipIf(!cli)('bicep/main.bicep deployment options', () => {
  let sandbox: Snapshot = { predictedResources: [], diagnostics: [], outputs: {} };
  const predicted = (type: string): Resource[] => sandbox.predictedResources.filter((r) => r.type === type);
  const one = (type: string): Resource => {
    const found = predicted(type);
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };

  beforeAll(() => {
    ({ snapshot: sandbox } = snapshotMain({
      privateNetworking: 'false',
      alertEmail: "''",
      alertActionGroupId: `'${existingGroup}'`,
      frontDoorId: `'${frontDoorId}'`,
    }));
  }, 300_000);

  it('with FRONT_DOOR_ID, only Front Door reaches the app: its service tag plus this profile in X-Azure-FDID', () => {
    const siteConfig = (one('Microsoft.Web/sites').properties as { siteConfig: Record<string, unknown> }).siteConfig;
    expect(siteConfig.ipSecurityRestrictionsDefaultAction).toBe('Deny');
    expect(siteConfig.ipSecurityRestrictions).toEqual([
      expect.objectContaining({
        action: 'Allow',
        tag: 'ServiceTag',
        ipAddress: 'AzureFrontDoor.Backend',
        headers: { 'x-azure-fdid': [frontDoorId] },
      }),
    ]);
  });

  it('sandbox: no VNet, private endpoints or DNS zones, and public endpoints (SQL admits Azure services)', () => {
    expect(sandbox.diagnostics).toEqual([]);
    for (const type of [
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/privateEndpoints',
      'Microsoft.Network/privateDnsZones',
    ]) {
      expect(predicted(type), type).toEqual([]);
    }
    for (const type of ['Microsoft.Sql/servers', 'Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults']) {
      expect(one(type).properties?.publicNetworkAccess, type).toBe('Enabled');
    }
    expect(one('Microsoft.Sql/servers/firewallRules').name).toMatch(/\/AllowAllWindowsAzureIps$/);
    const site = one('Microsoft.Web/sites').properties as { virtualNetworkSubnetId: unknown; siteConfig: { appSettings: { name: string }[]; vnetRouteAllEnabled: boolean } };
    expect(site.virtualNetworkSubnetId ?? null).toBeNull();
    expect(site.siteConfig.vnetRouteAllEnabled).toBe(false);
    expect(site.siteConfig.appSettings.map((s) => s.name)).not.toContain('WEBSITE_CONTENTOVERVNET');
  });

  it('sandbox keeps the health check and the disabled basic-auth credentials', () => {
    expect((one('Microsoft.Web/sites').properties?.siteConfig as { healthCheckPath: string }).healthCheckPath).toBe('/api/v1/health/live');
    for (const policy of predicted('Microsoft.Web/sites/basicPublishingCredentialsPolicies')) {
      expect(policy.properties).toEqual({ allow: false });
    }
  });

  it('notifies an existing action group when given one, and creates none', () => {
    expect(predicted('Microsoft.Insights/actionGroups')).toEqual([]);
    const rules = predicted('Microsoft.Insights/scheduledQueryRules');
    expect(rules.length).toBeGreaterThan(1);
    for (const rule of rules) expect(rule.properties?.actions, rule.name).toEqual({ actionGroups: [existingGroup] });
  });

  it('refuses a deployment whose alert would notify nobody, with a clear message', () => {
    expect(() => snapshotMain({ alertEmail: "''", alertActionGroupId: "''" })).toThrow(
      /Set alertEmail .* or alertActionGroupId .*: the sync alert must notify someone/,
    );
  }, 300_000);
});
