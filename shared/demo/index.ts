export type { DemoCounts } from './demo-counts';
export { demoDefaults, maxDemoCustomers, maxDemoDays, type DemoOptions, type DemoProgress } from './demo-options';
export { erpRowCounts, DemoErpNotEmptyError, seedDemoErp } from './seed-demo-erp';
export { ensureErpTables } from './ensure-erp-tables';
export { demoUsage, DemoUsageError, parseDemoArguments, type DemoArguments } from './demo-arguments';
export { Catalog, type CatalogItem } from './catalog';
export { Random } from './random';
