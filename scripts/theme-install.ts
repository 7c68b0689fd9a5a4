import { resolve } from 'node:path';
import { installTheme, ThemeInstallError } from '../storefront/install/install-theme';

const usage = `usage: npm run theme:install -- <theme-dir>
  Installs the ERP tabs into a Stencil (Cornerstone) theme checkout: the templates, the script
  (assets/js/erp-portal.js), the desktop and phone account-menu items, the lang/en.json strings and
  the config.json settings. Safe to run again; it never overwrites a file the drop-in does not own.`;

async function main(args: readonly string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '--help' || args[0]?.startsWith('-')) {
    console.log(usage);
    return args[0] === '--help' ? 0 : 1;
  }
  const themeDir = resolve(args[0]!);
  const { changed, unchanged } = await installTheme(themeDir);
  for (const file of changed) console.log(`updated   ${file}`);
  console.log(`theme:install: ${changed.length} file(s) updated, ${unchanged.length} already up to date in ${themeDir}`);
  if (changed.length > 0) {
    console.log('next: set erp_portal_api_base and erp_portal_app_client_id in config.json, then `stencil push` (storefront/README.md)');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ThemeInstallError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
