import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { bundleStorefront, storefrontRoot } from '../build/bundle-storefront';
import { addMenuInclude, addMissingKeys, appendTopLevelKey, dropInMarker, jsonIndent, menuEdits, type Json } from './theme-edits';

export class ThemeInstallError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(`theme:install changed nothing:\n${reasons.map((reason) => `  - ${reason}`).join('\n')}`);
    this.name = 'ThemeInstallError';
  }
}

export interface InstallResult {
  /** Theme-relative paths written by this run. */
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
}

const dropInTheme = join(storefrontRoot, 'theme');
const bundleTarget = 'assets/js/erp-portal.js';
/** A string only the drop-in's bundle holds (its style element's marker attribute). */
const bundleMarker = 'data-erp-portal-styles';

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const readText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

function parseObject(text: string, file: string, problems: string[]): { [key: string]: Json } | undefined {
  try {
    const value = JSON.parse(text) as Json;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // Reported below with the file's name.
  }
  problems.push(`${file} is not a JSON object`);
  return undefined;
}

/**
 * Installs the drop-in into a Stencil theme checkout. Everything is checked before anything is
 * written, so a refused install leaves the theme as it was; a second run changes nothing.
 */
export async function installTheme(themeDir: string): Promise<InstallResult> {
  const required = ['config.json', 'lang/en.json', 'templates/layout/base.html', ...menuEdits.map((edit) => edit.file)];
  const missing = required.filter((file) => !existsSync(join(themeDir, file)));
  if (missing.length > 0) {
    throw new ThemeInstallError([`${themeDir} is not a Stencil theme checkout: missing ${missing.join(', ')}`]);
  }

  const planned = new Map<string, string>();
  const problems: string[] = [];
  const owned = (file: string, content: string, marker: string) => {
    const current = readText(join(themeDir, file));
    if (current !== undefined && current !== content && !current.includes(marker)) {
      problems.push(`${file} exists and is not the drop-in's: move it away, or install by hand (storefront/README.md)`);
    }
    planned.set(file, content);
  };

  for (const path of filesUnder(join(dropInTheme, 'templates'))) {
    owned(relative(dropInTheme, path).split('\\').join('/'), readFileSync(path, 'utf8'), dropInMarker);
  }
  owned(bundleTarget, (await bundleStorefront()).toString('utf8'), bundleMarker);

  for (const edit of menuEdits) {
    const edited = addMenuInclude(readFileSync(join(themeDir, edit.file), 'utf8'), edit.include);
    if (edited === undefined) {
      problems.push(`${edit.file} has no item linking to {{urls.account.orders.all}}: add ${edit.include} by hand (storefront/README.md)`);
    } else planned.set(edit.file, edited);
  }

  const merges: Array<[string, (theme: { [key: string]: Json }, dropIn: { [key: string]: Json }) => { [key: string]: Json }, string]> = [
    ['lang/en.json', (theme, dropIn) => addMissingKeys(theme, dropIn), 'lang/en.json'],
    ['config.json', (theme, dropIn) => ({ ...theme, settings: addMissingKeys(asObject(theme.settings), dropIn) }), 'config-settings.json'],
  ];
  for (const [file, merge, source] of merges) {
    const text = readFileSync(join(themeDir, file), 'utf8');
    const theme = parseObject(text, file, problems);
    const dropIn = parseObject(readFileSync(join(dropInTheme, source), 'utf8'), `storefront/theme/${source}`, problems);
    if (!theme || !dropIn) continue;
    const merged = merge(theme, dropIn);
    if (JSON.stringify(merged) === JSON.stringify(theme)) planned.set(file, text);
    else planned.set(file, appendedOnly(text, theme, merged) ?? `${JSON.stringify(merged, null, jsonIndent(text))}\n`);
  }
  if (problems.length > 0) throw new ThemeInstallError(problems);

  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const [file, content] of planned) {
    const target = join(themeDir, file);
    if (readText(target) === content) {
      unchanged.push(file);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    changed.push(file);
  }
  return { changed, unchanged };
}

/** A merge that only added one top-level key is written as an append, keeping the theme's formatting. */
function appendedOnly(text: string, before: { [key: string]: Json }, after: { [key: string]: Json }): string | undefined {
  const added = Object.keys(after).filter((key) => !(key in before));
  const same = Object.keys(before).every((key) => JSON.stringify(before[key]) === JSON.stringify(after[key]));
  return added.length === 1 && same ? appendTopLevelKey(text, added[0]!, after[added[0]!]!, after) : undefined;
}

function asObject(value: Json | undefined): { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
