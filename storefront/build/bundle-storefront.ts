import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const storefrontRoot = join(__dirname, '..');
export const bundlePath = join(storefrontRoot, 'dist', 'erp-portal.js');

/** One self-contained script for the theme: no module loader, no polyfills beyond ES2019 syntax. */
export const bundleOptions: BuildOptions = {
  entryPoints: [join(storefrontRoot, 'src', 'index.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
};

/** Bundles to memory, for the dev host's demo page. */
export async function bundleStorefront(): Promise<Buffer> {
  const result = await build({ ...bundleOptions, write: false, outfile: bundlePath });
  const [output] = result.outputFiles ?? [];
  if (!output) throw new Error('esbuild produced no storefront bundle');
  return Buffer.from(output.contents);
}

/** Writes `storefront/dist/erp-portal.js` (git-ignored) for upload to the theme or Script Manager. */
export async function writeStorefrontBundle(): Promise<string> {
  await build({ ...bundleOptions, outfile: bundlePath, sourcemap: 'linked' });
  return bundlePath;
}
