import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Cornerstone's own header cart badge (`theme/global/cart-preview.js`) and phone menu
 * (`theme/global/mobile-menu-toggle.js`, with `theme/global/menu.js` for its collapsible sections), from the checkout itself, bundled with the globals its
 * webpack build provides: jQuery as `$`/`jQuery` inside the bundle (webpack.common.js'
 * ProvidePlugin) and `window.$` outside it (its expose-loader rule exposes only `$`). Started as
 * Cornerstone's `global.js` starts them on every page: `cartPreview(secureBaseUrl, cartId)`, `menu()` and
 * `mobileMenuToggle()`. Nothing of the theme is copied: esbuild reads it where it lies, and its npm
 * dependencies (jquery, foundation-sites, @bigcommerce/stencil-utils, focus-trap, lodash) come from
 * this project's devDependencies at Cornerstone's locked versions.
 */
export async function bundleThemeScripts(cornerstone: string, root: string): Promise<string> {
  const global = join(cornerstone, 'assets', 'js', 'theme', 'global');
  const entry = [
    `import $ from 'jquery';`,
    `import cartPreview from ${JSON.stringify(join(global, 'cart-preview.js'))};`,
    `import menu from ${JSON.stringify(join(global, 'menu.js'))};`,
    `import mobileMenuToggle from ${JSON.stringify(join(global, 'mobile-menu-toggle.js'))};`,
    'window.$ = $;',
    '$(() => {',
    '  cartPreview(window.location.origin, undefined);',
    '  menu();',
    '  mobileMenuToggle();',
    '});',
  ].join('\n');
  const provide = [`import jquery from 'jquery';`, 'export { jquery as $, jquery as jQuery };'].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'cornerstone-globals.js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    nodePaths: [join(root, 'node_modules')],
    plugins: [
      {
        name: 'provide-jquery',
        setup(build) {
          build.onResolve({ filter: /^cornerstone-provide-jquery$/ }, () => ({ path: 'provide-jquery', namespace: 'provide' }));
          build.onLoad({ filter: /.*/, namespace: 'provide' }, () => ({ contents: provide, resolveDir: root }));
        },
      },
    ],
    inject: ['cornerstone-provide-jquery'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
