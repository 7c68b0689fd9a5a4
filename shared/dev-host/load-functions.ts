import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recordRoutesOnly, routeTable, type RouteDefinition } from '../composition/app-routes';

const functionsDirectory = resolve(__dirname, '..', '..', 'functions');
const isModule = (file: string) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts');

/**
 * Loads every function module, exactly the set the Functions host loads (`main`: functions/*), and
 * returns the route table they registered. Timer registrations are ignored here.
 */
export async function loadFunctionRoutes(directory = functionsDirectory): Promise<readonly RouteDefinition[]> {
  recordRoutesOnly();
  for (const file of readdirSync(directory).filter(isModule).sort()) await import(join(directory, file));
  return routeTable();
}
