import { relative } from 'node:path';
import { writeStorefrontBundle } from '../storefront/build/bundle-storefront';

/** `npm run build:storefront`: the theme bundle at storefront/dist/erp-portal.js. */
writeStorefrontBundle().then(
  (path) => console.log(`storefront bundle: ${relative(process.cwd(), path)}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
