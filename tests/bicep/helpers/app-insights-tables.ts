// The Application Insights tables the workbook and the log alerts query, with their columns and types as
// Microsoft documents them for an Application Insights resource (the "classic" names these queries use):
// "Migrate to workspace-based Application Insights resources", section "Workspace-based resource changes",
// the tables "Legacy table: requests / customEvents / customMetrics / exceptions / traces / dependencies"
// (learn.microsoft.com/azure/azure-monitor/app/convert-classic-resource; the same columns back the
// workspace tables AppRequests, AppEvents, AppMetrics, AppExceptions, AppTraces and AppDependencies).
// Copied column for column, type for type. Note that the page types the legacy `success` column as string.

/** Columns every one of these tables has (the page lists them under each table). */
const common = [
  'appId:string', 'application_Version:string', 'appName:string', 'client_Browser:string', 'client_City:string',
  'client_CountryOrRegion:string', 'client_IP:string', 'client_Model:string', 'client_OS:string',
  'client_StateOrProvince:string', 'client_Type:string', 'cloud_RoleInstance:string', 'cloud_RoleName:string',
  'customDimensions:dynamic', 'iKey:string', 'itemId:string', 'itemType:string', 'operation_Id:string',
  'operation_Name:string', 'operation_ParentId:string', 'operation_SyntheticSource:string', 'sdkVersion:string',
  'session_Id:string', 'timestamp:datetime', 'user_AccountId:string', 'user_AuthenticatedId:string', 'user_Id:string',
];

/** Table name → its own columns (`name:type`, Kusto type names), beyond the common ones. */
export const appInsightsTables: Readonly<Record<string, readonly string[]>> = {
  requests: [
    'customMeasurements:dynamic', 'duration:real', 'id:string', 'itemCount:int', 'name:string', 'performanceBucket:string',
    'resultCode:string', 'source:string', 'success:string', 'url:string',
  ],
  customEvents: ['customMeasurements:dynamic', 'itemCount:int', 'name:string'],
  customMetrics: ['name:string', 'value:real', 'valueCount:int', 'valueMax:real', 'valueMin:real', 'valueStdDev:real', 'valueSum:real'],
  exceptions: [
    'assembly:string', 'customMeasurements:dynamic', 'details:dynamic', 'handledAt:string', 'innermostAssembly:string',
    'innermostMessage:string', 'innermostMethod:string', 'innermostType:string', 'itemCount:int', 'message:string',
    'method:string', 'outerAssembly:string', 'outerMessage:string', 'outerMethod:string', 'outerType:string',
    'problemId:string', 'severityLevel:int', 'type:string',
  ],
  traces: ['customMeasurements:dynamic', 'itemCount:int', 'message:string', 'severityLevel:int'],
  dependencies: [
    'customMeasurements:dynamic', 'data:string', 'duration:real', 'id:string', 'itemCount:int', 'name:string',
    'performanceBucket:string', 'resultCode:string', 'success:string', 'target:string', 'type:string',
  ],
};

/** A table's Kusto schema text, `(col:type, …)`, as TableSymbol takes it. */
export function tableSchema(table: string): string {
  const own = appInsightsTables[table];
  if (!own) throw new Error(`unknown Application Insights table ${table}`);
  return `(${[...common, ...own].join(', ')})`;
}
