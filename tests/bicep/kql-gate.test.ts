// The KQL gate: every query of the workbook and the log alerts, taken from the Bicep CLI's evaluation of
// bicep/main.bicepparam, and the README's examples (```kusto blocks), is parsed and bound by Microsoft's Kusto language service against the
// Application Insights tables (helpers/app-insights-tables.ts), and held to what the app was seen to send
// (tests/shared/telemetry/__snapshots__/sent-telemetry.json). A self-check proves each kind of mistake
// turns it red. The CLI is restored by `bash .ci/bicep.sh` or given by BICEP_CLI.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SentTelemetry } from '../shared/telemetry/telemetry-inventory';
import { cli, repoRoot, snapshotMain } from './helpers/bicep-cli';
import { createKqlChecker, type Finding } from './helpers/kusto-language';
import { monitoringQueries, readmeQueries, type MonitoringQuery } from './helpers/monitoring-queries';
import { unsentReads } from './helpers/telemetry-reads';

/**
 * Analyzer warnings and suggestions (by code) a query may carry, each with why it stays. Errors are never
 * allowed. Keep it short: a finding that is not here fails the gate, and so does an entry no query needs.
 */
const allowedWarnings: Readonly<Record<string, string>> = {};

const sent = JSON.parse(
  readFileSync(path.join(repoRoot, 'tests', 'shared', 'telemetry', '__snapshots__', 'sent-telemetry.json'), 'utf8'),
) as SentTelemetry;

describe.skipIf(!cli)('KQL gate: the workbook and alert queries, bound by Microsoft’s Kusto language service', () => {
  let queries: MonitoringQuery[] = [];
  let check: (query: string) => Finding[] = () => [];
  const blocking = (findings: Finding[]) => findings.filter((f) => f.severity === 'Error' || !(f.code in allowedWarnings));
  const describeFinding = (source: string, f: Finding) => `${source}: ${f.severity} ${f.code} ${f.message} (at '${f.at}')`;
  const query = (source: string) => {
    const found = queries.find((q) => q.source === source);
    if (!found) throw new Error(`no query ${source}`);
    return found.query;
  };

  beforeAll(() => {
    queries = [...monitoringQueries(snapshotMain().snapshot.predictedResources), ...readmeQueries(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))];
    check = createKqlChecker();
  }, 300_000);

  it('finds the queries of every workbook item and alert rule, each parameter substituted, and the README’s', () => {
    expect(queries.filter((q) => q.source.startsWith('workbook')).length).toBeGreaterThanOrEqual(15);
    expect(queries.filter((q) => q.source.startsWith('alert')).length).toBe(6);
    expect(queries.filter((q) => q.source.startsWith('README')).length).toBeGreaterThanOrEqual(3);
    for (const { source, query: text } of queries) expect(text, source).not.toMatch(/\{\w+(:\w+)?\}/);
  });

  it('binds every query without an error, with warnings only from the allowlist', () => {
    const problems = queries.flatMap(({ source, query: text }) => blocking(check(text)).map((f) => describeFinding(source, f)));
    expect(problems).toEqual([]);
  });

  it('keeps no allowlist entry that no query needs', () => {
    const seen = new Set(queries.flatMap(({ query: text }) => check(text).map((f) => f.code)));
    expect(Object.keys(allowedWarnings).filter((code) => !seen.has(code))).toEqual([]);
  });

  it('reads only events, metrics and keys the app sends', () => {
    const problems = queries.flatMap(({ source, query: text }) => unsentReads(text, sent).map((p) => `${source}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('reads metrics by valueMax, valueSum or valueCount: a row is one export interval’s aggregate, never one value', () => {
    const raw = queries.filter((q) => /^customMetrics\b/.test(q.query) && /\bvalue\b/.test(q.query)).map((q) => q.source);
    expect(raw).toEqual([]);
  });

  describe('self-check: the gate turns red on', () => {
    const errors = (text: string) => check(text).filter((f) => f.severity === 'Error');
    const mutate = (text: string, from: RegExp, to: string) => {
      const mutant = text.replace(from, to);
      expect(mutant, 'the mutation applies').not.toBe(text);
      return mutant;
    };

    it('a renamed column', () => {
      expect(errors(mutate(query('workbook recent-runs'), /\btimestamp\b/g, 'timeStamp'))).not.toEqual([]);
      expect(errors(mutate(query('workbook api-by-endpoint'), /\bduration\b/g, 'durationMs'))).not.toEqual([]);
    });

    it('a misspelt table', () => {
      expect(errors(mutate(query('workbook runs-by-status'), /^customEvents/, 'customEvent'))).not.toEqual([]);
      expect(errors(mutate(query('workbook api-over-time'), /^requests/, 'request'))).not.toEqual([]);
    });

    it('a wrong function', () => {
      expect(errors(mutate(query('workbook lag-since-last-success'), /datetime_diff\(/, 'datediff('))).not.toEqual([]);
      expect(errors(mutate(query('workbook api-over-time'), /sumif\(/, 'sum_if('))).not.toEqual([]);
    });

    it('a key, an event or a metric the app never sends', () => {
      const run = query('workbook recent-runs');
      expect(unsentReads(mutate(run, /customDimensions\['trigger'\]/, "customDimensions['triggeredBy']"), sent)).not.toEqual([]);
      expect(unsentReads(mutate(run, /customMeasurements\['rowsChanged'\]/, "customMeasurements['changed']"), sent)).not.toEqual([]);
      expect(unsentReads(mutate(run, /'ErpSyncRun'/, "'ErpSyncRuns'"), sent)).not.toEqual([]);
      expect(unsentReads(mutate(query('workbook api-guards'), /'Api\.RateLimited'/, "'Api.Throttled'"), sent)).not.toEqual([]);
    });
  });
});
