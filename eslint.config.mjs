import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layers (ARCHITECTURE.md §2): dependencies point inward, functions → http/services/sync → ports ← adapters,
 * and only shared/composition wires adapters to ports. Each folder below lists what it must not import, as
 * regexes over relative import paths from any depth (`../http/x` in shared/portal, `../../shared/db/x` in
 * functions/); packages never match, so `@azure/functions` is not the functions/ folder. The rules hold the
 * code as it is: where it still reaches past a port (portal → mirror/queries) the exception is named.
 * tests/eslint-layers.test.ts tries every rule on an import it must catch, so a typo cannot silence one.
 */
const reach = (path) => `^(\\.\\./)+(shared/)?${path}`;
const no = (path, message) => ({ regex: reach(path), message });
const folders = (...names) => `(${names.join('|')})(/|$)`;

// Entry points and build tooling sit outside the app: shared code that imported them would load a CLI or esbuild.
const entryPoints = no(folders('functions', 'scripts', 'storefront'), 'shared/ never imports the entry points (functions/, scripts/) or storefront/; they import it.');
const buildTools = { regex: '^esbuild$', message: 'esbuild is a build tool: only scripts/ and storefront/build load it.' };
const hosts = no(folders('composition', 'dev-host'), 'Only entry points may import the composition or the dev host: everything else is wired by them.');
const delivery = no(folders('http'), 'shared/http delivers services over HTTP; nothing it delivers may depend on it (raise a domain error such as portal/portal-error.ts instead).');
const services = no(folders('portal'), 'Services call adapters and the engine, never the reverse.');
const adapters = (...names) => no(folders(...names), `An adapter (${names.join(', ')}) is reached only through a port wired by shared/composition.`);
// The customer-number rule belongs to the ERP key; request parsing and the BigCommerce link sync share it.
const erpBeyondCustomerNumber = no('erp/(?!customer-number$)', 'Of the ERP adapter only its customer-number rule is shared.');

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const layer = (folder, ...patterns) => restrict([`${folder}/**`], [...patterns, entryPoints, buildTools]);

const layerRules = [
  // Settings are read by everyone, so they read nothing of ours.
  layer(
    'shared/config',
    no(
      folders('bigcommerce', 'composition', 'db', 'demo', 'dev-host', 'erp', 'http', 'mirror', 'portal', 'queue', 'sync', 'telemetry'),
      'shared/config is the innermost module: it imports nothing else of shared/.',
    ),
  ),
  // The engine "knows no SQL and no Azure": it sees ports (sync-ports.ts), and of db only the table specs naming its entities.
  layer(
    'shared/sync',
    delivery,
    hosts,
    services,
    adapters('bigcommerce', 'demo', 'erp', 'mirror', 'queue', 'telemetry'),
    no('db/(?!schema/)', 'The sync engine may read table specs (db/schema) but not database access.'),
    {
      regex: '^(kysely|mssql|tedious|@electric-sql/pglite|applicationinsights)$|^@azure/',
      message: 'The sync engine knows no SQL and no Azure: put the call behind a port in sync-ports.ts.',
    },
  ),
  // Services raise domain errors and read the mirror's API queries directly (no port yet), never its sync writers.
  layer(
    'shared/portal',
    delivery,
    hosts,
    adapters('bigcommerce', 'demo', 'erp', 'queue', 'telemetry'),
    no('mirror/(?!queries/)', 'The portal reads the mirror only through its API queries (shared/mirror/queries).'),
  ),
  // Adapters implement ports; one adapter never depends on another (what two of them share lives in shared/db).
  layer('shared/db', delivery, hosts, services, adapters('bigcommerce', 'demo', 'erp', 'mirror', 'queue', 'telemetry')),
  layer('shared/erp', delivery, hosts, services, adapters('bigcommerce', 'demo', 'mirror', 'queue', 'telemetry')),
  layer(
    'shared/mirror',
    delivery,
    hosts,
    adapters('bigcommerce', 'demo', 'erp', 'queue', 'telemetry'),
    no('portal/(?!row-window$)', "The mirror implements the portal's types (portal/row-window) but never calls its services."),
  ),
  layer('shared/bigcommerce', delivery, hosts, services, adapters('db', 'demo', 'mirror', 'queue', 'telemetry'), erpBeyondCustomerNumber),
  layer('shared/queue', delivery, hosts, services, adapters('bigcommerce', 'db', 'demo', 'erp', 'mirror', 'telemetry')),
  layer('shared/telemetry', delivery, hosts, services, adapters('bigcommerce', 'db', 'demo', 'erp', 'mirror', 'queue')),
  // The demo generator writes ERP tables through db; it serves no request and runs no sync.
  layer('shared/demo', delivery, hosts, services, no(folders('sync'), 'The demo generator only writes ERP tables.'), adapters('bigcommerce', 'mirror', 'queue', 'telemetry')),
  // Documents print what a service answered: no database, no SQL, no HTTP; of the portal only its DTO types.
  layer(
    'shared/documents',
    delivery,
    hosts,
    adapters('bigcommerce', 'db', 'demo', 'erp', 'mirror', 'queue', 'telemetry'),
    no('portal/(?!dto-schemas$)', 'Documents render the DTOs a portal service answered; the service calls the renderer, not the reverse.'),
    { regex: '^(kysely|mssql|tedious|@electric-sql/pglite)$', message: 'Documents know no SQL: the portal service reads the data and hands it over.' },
  ),
  // Delivery maps requests onto services; it reaches no adapter.
  layer('shared/http', hosts, adapters('bigcommerce', 'db', 'demo', 'mirror', 'queue'), erpBeyondCustomerNumber),
  layer('shared/composition', no(folders('dev-host'), 'The dev host builds on the composition, not the other way round.')),
  // The dev host is a host like the Functions runtime: scripts/dev-host.ts hands it the storefront.
  layer('shared/dev-host'),
  // Functions are thin: they get adapters from the composition, never directly.
  restrict(
    ['functions/**'],
    [adapters('bigcommerce', 'db', 'demo', 'erp', 'mirror', 'telemetry'), no(folders('dev-host', 'scripts', 'storefront'), 'Functions import shared/ only.'), buildTools],
  ),
  // The storefront ships to browsers: of the server it shares only the API's DTO types.
  restrict(
    ['storefront/**'],
    [
      no(folders('functions', 'scripts'), 'The storefront is a client of the API, not of its entry points.'),
      {
        regex: '^(\\.\\./)+shared/(?!portal/dto-schemas$)',
        message: "The storefront shares only the API's DTO types (shared/portal/dto-schemas) with the server.",
      },
    ],
  ),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.artifacts/**', 'tools/**/bin/**', 'tools/**/obj/**', 'storefront/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'process.env is read only in shared/config.',
        },
      ],
    },
  },
  {
    // Migrations describe past schemas, so they cannot use today's table types (Kysely's own advice).
    files: ['shared/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...layerRules,
  {
    files: ['shared/config/**', 'scripts/**', 'tests/**', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
