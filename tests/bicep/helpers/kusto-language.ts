// Microsoft's Kusto language service (Kusto.Language, the parser and binder behind the Azure portal's
// query editor), in its JavaScript build `@kusto/language-service-next` (MIT). Bridge.NET output: bridge.js
// defines the .NET runtime (`Bridge`, `System`) as globals, Kusto.Language.Bridge.js then adds `Kusto`.
// A query is bound to a schema through a GlobalState holding one DatabaseSymbol of TableSymbols.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { appInsightsTables, tableSchema } from './app-insights-tables';

/** The slice of the bridge's API used here (its own .d.ts declares the whole .NET surface as globals). */
interface DotNetList<T> {
  readonly Count: number;
  getItem(index: number): T;
}
interface KustoDiagnostic {
  readonly Severity: string;
  readonly Code: string;
  readonly Message: string;
  readonly Start: number;
  readonly Length: number;
}
interface KustoCode {
  GetDiagnostics(): DotNetList<KustoDiagnostic>;
}
interface KustoLanguage {
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => unknown };
    DatabaseSymbol: { $ctor2: new (name: string, alternateName: string | null, members: unknown[]) => unknown };
  };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): KustoCode };
  Editor: { KustoCodeService: { ctor: new (code: KustoCode) => { GetAnalyzerDiagnostics(wait: boolean): DotNetList<KustoDiagnostic> } } };
}

const packageDir = path.dirname(createRequire(__filename).resolve('@kusto/language-service-next/package.json'));

function loadKusto(): KustoLanguage {
  const load = createRequire(__filename);
  load(path.join(packageDir, 'bridge.js'));
  load(path.join(packageDir, 'Kusto.Language.Bridge.js'));
  return (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
}

export interface Finding {
  readonly severity: 'Error' | 'Warning' | string;
  readonly code: string;
  readonly message: string;
  /** The query text the finding points at. */
  readonly at: string;
}

const list = <T>(items: DotNetList<T>): T[] => Array.from({ length: items.Count }, (_, i) => items.getItem(i));

/** Parses and binds KQL against the Application Insights tables; errors and the analyzers' warnings alike. */
export function createKqlChecker(): (query: string) => Finding[] {
  const kusto = loadKusto();
  const tables = Object.keys(appInsightsTables).map((name) => new kusto.Symbols.TableSymbol.$ctor7(name, tableSchema(name), null));
  const globals = kusto.GlobalState.Default.WithDatabase(new kusto.Symbols.DatabaseSymbol.$ctor2('ApplicationInsights', null, tables));
  return (query) => {
    const code = kusto.KustoCode.ParseAndAnalyze(query, globals);
    const analyzers = new kusto.Editor.KustoCodeService.ctor(code).GetAnalyzerDiagnostics(true);
    return [...list(code.GetDiagnostics()), ...list(analyzers)].map((d) => ({
      severity: d.Severity,
      code: d.Code,
      message: d.Message,
      at: query.slice(d.Start, d.Start + d.Length),
    }));
  };
}
