import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, settingsSchema } from '../../../shared/config';

const sample = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'local.settings.sample.json'), 'utf8')) as {
  Values: Record<string, string>;
};

describe('local.settings.sample.json', () => {
  it('lists every setting the schema knows, except the one App Service itself sets', () => {
    const expected = Object.keys(settingsSchema.shape).filter((name) => name !== 'WEBSITE_SITE_NAME');
    expect(Object.keys(sample.Values)).toEqual(expect.arrayContaining(expected));
  });

  it('is valid as it stands and points AzureWebJobsStorage at Azurite', () => {
    expect(() => loadSettings(sample.Values)).not.toThrow();
    expect(sample.Values.AzureWebJobsStorage).toBe('UseDevelopmentStorage=true');
  });

  it('holds no secret values', () => {
    for (const name of ['PORTAL_API_KEYS', 'PORTAL_ADMIN_KEYS', 'BC_CLIENT_SECRET', 'BC_API_TOKEN', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
      expect(sample.Values[name], name).toBe('');
    }
    expect(sample.Values.ERP_CONNECTION).toMatch(/^pglite:/);
  });
});
