// The real Bicep CLI (restored by `bash .ci/bicep.sh` into tools/bicep/.packages/bicep, or BICEP_CLI) and
// the two views tests/bicep asserts on: the compiled ARM JSON and `bicep snapshot` of a parameter file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const bicepDir = path.join(repoRoot, 'bicep');
export const cli = [process.env.BICEP_CLI, path.join(repoRoot, 'tools', 'bicep', '.packages', 'bicep')].find(
  (candidate): candidate is string => !!candidate && existsSync(candidate),
);
export const skipReason = 'Bicep CLI not found: run `bash .ci/bicep.sh` (restores it from NuGet) or set BICEP_CLI';

type Props = Record<string, unknown>;
export interface Resource {
  id?: string;
  type: string;
  name: string;
  kind?: string;
  existing?: boolean;
  condition?: unknown;
  tags?: Record<string, string>;
  sku?: { name?: string; tier?: string };
  identity?: { type?: string };
  properties?: Props;
}
export interface Template {
  parameters?: Record<string, { allowedValues?: unknown[]; defaultValue?: unknown }>;
  variables?: Record<string, unknown>;
  resources?: Resource[] | Record<string, Resource>;
}
export interface Snapshot {
  predictedResources: Resource[];
  diagnostics: unknown[];
  outputs: Record<string, unknown>;
}

export function bicep(args: string[], cwd = repoRoot): string {
  return execFileSync(cli as string, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every resource of a compiled template, nested module deployments included. */
export function compiledResources(template: Template): Resource[] {
  const list = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  return list.flatMap((resource) => {
    const nested = (resource.properties?.template ?? undefined) as Template | undefined;
    return resource.type === 'Microsoft.Resources/deployments' && nested
      ? [resource, ...compiledResources(nested)]
      : [resource];
  });
}

export const compileMain = (): string => bicep(['build', path.join(bicepDir, 'main.bicep'), '--stdout']);

export interface SnapshotResult {
  readonly text: string;
  readonly snapshot: Snapshot;
}

/**
 * Evaluates bicep/main.bicepparam, with `overrides` (Bicep `param x = …` lines) replacing or adding
 * parameters. `bicep snapshot` writes <params>.snapshot.json beside the params file and wants a relative
 * `using` path, so it runs on a copy in a temp folder.
 */
export function snapshotMain(overrides: Record<string, string> = {}): SnapshotResult {
  const workDir = mkdtempSync(path.join(tmpdir(), 'bicep-snapshot-'));
  try {
    let params = readFileSync(path.join(bicepDir, 'main.bicepparam'), 'utf8');
    const using = path.relative(workDir, path.join(bicepDir, 'main.bicep')).split(path.sep).join('/');
    params = params.replace(/^using\s+'[^']*'/m, `using '${using}'`);
    for (const [name, value] of Object.entries(overrides)) {
      params = params.replace(new RegExp(`^param ${name} = .*$`, 'm'), '');
      params += `\nparam ${name} = ${value}\n`;
    }
    writeFileSync(path.join(workDir, 'main.bicepparam'), params);
    bicep([
      'snapshot', path.join(workDir, 'main.bicepparam'), '--mode', 'overwrite',
      '--subscription-id', '11111111-1111-1111-1111-111111111111', '--tenant-id', '22222222-2222-2222-2222-222222222222',
      '--resource-group', 'rg-erp-portal', '--location', 'westeurope',
    ]);
    const text = readFileSync(path.join(workDir, 'main.snapshot.json'), 'utf8');
    return { text, snapshot: JSON.parse(text) as Snapshot };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Azure public cloud values of the environment() suffixes the template uses, for names the snapshot leaves unevaluated. */
const publicCloudSuffixes: Record<string, string> = {
  storage: 'core.windows.net',
  sqlServerHostname: '.database.windows.net',
};

/** Evaluates `[format('…{0}…', environment().suffixes.x)]` names as Azure public cloud would. */
export function inPublicCloud(name: string): string {
  const match = /^\[format\('([^']*)', environment\(\)\.suffixes\.(\w+)\)\]$/.exec(name);
  if (!match) return name;
  const suffix = publicCloudSuffixes[match[2] as string];
  if (suffix === undefined) throw new Error(`unknown environment suffix in ${name}`);
  return (match[1] as string).replace('{0}', suffix);
}
