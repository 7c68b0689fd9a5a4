// Every KQL query the deployed template carries, taken from the Bicep CLI's own evaluation of it
// (`bicep snapshot`): the workbook's query items and query-driven parameters, and the scheduled query
// rules' criteria. Workbook parameters are substituted as the portal does before it runs a query.
import type { Resource } from './bicep-cli';

export interface MonitoringQuery {
  /** Where it lives: `workbook <item name>` or `alert <rule name>`. */
  readonly source: string;
  /** The query as the portal runs it (parameters substituted). */
  readonly query: string;
}

interface WorkbookItem {
  readonly type: number;
  readonly name?: string;
  readonly content?: {
    readonly query?: string;
    readonly items?: WorkbookItem[];
    readonly parameters?: { name: string; type: number; query?: string; value?: { durationMs?: number } }[];
  };
}

/** A duration in Kusto's timespan literal form, as the portal writes `ago(1d)`. */
function timespan(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * Workbook parameter substitution, as Microsoft's "Workbook time parameters" page gives it: in a query,
 * `{TimeRange}` becomes `> ago(1d)` for a relative range (so `where timestamp {TimeRange}` reads
 * `where timestamp > ago(1d)`), and `{TimeRange:grain}` the grain the portal picks, e.g. `30m` for a day.
 * The parameter's default value stands in for the user's choice. Anything else in braces is left, so the
 * gate fails on a parameter it does not know.
 */
export function substituteParameters(query: string, timeRanges: ReadonlyMap<string, number>): string {
  return query.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, format: string | undefined) => {
    const durationMs = timeRanges.get(name);
    if (durationMs === undefined) return whole;
    if (format === undefined || format === 'query' || format === 'value') return `> ago(${timespan(durationMs)})`;
    if (format === 'grain') return durationMs <= 86_400_000 ? '30m' : '6h';
    return whole;
  });
}

function workbookQueries(resource: Resource): MonitoringQuery[] {
  const notebook = JSON.parse(String(resource.properties?.serializedData)) as { items: WorkbookItem[] };
  const flat = (items: readonly WorkbookItem[]): WorkbookItem[] => items.flatMap((item) => [item, ...flat(item.content?.items ?? [])]);
  const items = flat(notebook.items);
  const parameters = items.flatMap((item) => item.content?.parameters ?? []);
  const timeRanges = new Map(parameters.filter((p) => p.type === 4).map((p) => [p.name, p.value?.durationMs ?? 86_400_000]));
  return [
    ...items.filter((item) => item.content?.query).map((item) => ({ source: `workbook ${item.name}`, raw: item.content!.query! })),
    ...parameters.filter((p) => p.query).map((p) => ({ source: `workbook parameter ${p.name}`, raw: p.query! })),
  ].map(({ source, raw }) => ({ source, query: substituteParameters(raw, timeRanges) }));
}

function alertQueries(resource: Resource): MonitoringQuery[] {
  const criteria = resource.properties?.criteria as { allOf?: { query?: string }[] } | undefined;
  return (criteria?.allOf ?? []).filter((c) => c.query).map((c) => ({ source: `alert ${resource.name}`, query: c.query! }));
}

/** Every query of the workbooks and log alert rules among the evaluated resources. */
export function monitoringQueries(resources: readonly Resource[]): MonitoringQuery[] {
  return resources.flatMap((resource) => {
    if (resource.type === 'Microsoft.Insights/workbooks') return workbookQueries(resource);
    if (resource.type === 'Microsoft.Insights/scheduledQueryRules') return alertQueries(resource);
    return [];
  });
}

/** The README's example queries: each ```kusto block holds queries separated by a blank line, each led by a comment. */
export function readmeQueries(readme: string): MonitoringQuery[] {
  return [...readme.matchAll(/```kusto\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1]!
      .split(/\n\s*\n/)
      .filter((text) => text.trim())
      .map((text) => ({ source: `README ${/^\/\/ (.*)$/m.exec(text)?.[1] ?? text.slice(0, 40)}`, query: text.replace(/^\/\/.*\n/gm, '').trim() })),
  );
}
