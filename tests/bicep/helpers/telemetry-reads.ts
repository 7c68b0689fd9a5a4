// What a monitoring query reads of the app's own telemetry (event and metric names, customDimensions and
// customMeasurements keys), held against what the app was seen to send: the inventory that
// tests/shared/telemetry/sent-telemetry.test.ts records from the envelopes its fake ingestion endpoint
// received. The queries are written in one style (`name == '…'`, `name in (…)`, `customDimensions['…']`),
// which is what these patterns read; a query the patterns cannot attribute fails instead of passing.

import type { SentTelemetry } from '../../shared/telemetry/telemetry-inventory';

export interface TelemetryReads {
  readonly tables: readonly string[];
  readonly names: readonly string[];
  readonly dimensions: readonly string[];
  readonly measurements: readonly string[];
}

const tablePattern = /(?:^|\(|\bunion\s+|\bjoin\b[^(]*\(\s*)\s*(requests|customEvents|customMetrics|exceptions|traces|dependencies)\b/g;
const keysOf = (query: string, column: string) => [
  ...[...query.matchAll(new RegExp(`${column}\\[['"]([^'"]+)['"]\\]`, 'g'))].map((m) => m[1]!),
  ...[...query.matchAll(new RegExp(`${column}\\.(\\w+)`, 'g'))].map((m) => m[1]!),
];
const unique = (values: string[]) => [...new Set(values)].sort();

export function telemetryReads(query: string): TelemetryReads {
  const equal = [...query.matchAll(/\bname\s*==\s*'([^']*)'/g)].map((m) => m[1]!);
  const among = [...query.matchAll(/\bname\s+in\s*\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']*)'/g)].map((q) => q[1]!));
  return {
    tables: unique([...query.matchAll(tablePattern)].map((m) => m[1]!)),
    names: unique([...equal, ...among]),
    dimensions: unique(keysOf(query, 'customDimensions')),
    measurements: unique(keysOf(query, 'customMeasurements')),
  };
}

/** Why a query reads something the app does not send; empty when it reads only what was seen. */
export function unsentReads(query: string, sent: SentTelemetry): string[] {
  const reads = telemetryReads(query);
  const appTables = reads.tables.filter((t) => t === 'customEvents' || t === 'customMetrics');
  if (appTables.length === 0) {
    return reads.dimensions.length + reads.measurements.length > 0 ? [`reads custom keys of host telemetry (${reads.tables.join(', ')})`] : [];
  }
  if (reads.tables.length > 1) return [`reads several tables (${reads.tables.join(', ')}): the gate attributes names and keys to one`];
  const kind = appTables[0] === 'customEvents' ? 'events' : 'metrics';
  if (reads.names.length === 0) return [`reads ${appTables[0]} without naming the ${kind} (name == '…' or name in (…))`];
  const problems: string[] = [];
  const items = reads.names.map((name) => {
    const item = sent[kind][name];
    if (!item) problems.push(`${kind === 'events' ? 'event' : 'metric'} '${name}' is never sent`);
    return item;
  });
  const seen = (key: 'customDimensions' | 'customMeasurements') => new Set(items.flatMap((item) => item?.[key] ?? []));
  for (const key of reads.dimensions) if (!seen('customDimensions').has(key)) problems.push(`customDimensions['${key}'] is not sent with ${reads.names.join(', ')}`);
  for (const key of reads.measurements) if (!seen('customMeasurements').has(key)) problems.push(`customMeasurements['${key}'] is not sent with ${reads.names.join(', ')}`);
  return problems;
}
