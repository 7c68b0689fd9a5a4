// Workbook item builders shared by workbook.bicep, and the tiles of the two BigCommerce timer jobs (the
// customer-link sync and the catalog sync), shown beside the ERP sync's. Names come from
// shared/telemetry/telemetry-names.json (the `telemetry` argument); measurement keys are the fields of each
// job's summary, which the app sends as they are (shared/telemetry/operations-telemetry.ts).

@export()
func dimension(key string) string => 'tostring(customDimensions[\'${key}\'])'

@export()
func measurement(key string) string => 'todouble(customMeasurements[\'${key}\'])'

@export()
@description('A workbook KQL item against the Application Insights component, driven by the TimeRange parameter.')
func kqlItem(name string, title string, query string, visualization string, width string) object => {
  type: 3
  name: name
  customWidth: width
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: query
    size: 0
    timeContextFromParameter: 'TimeRange'
    queryType: 0
    resourceType: 'microsoft.insights/components'
    visualization: visualization
  }
}

func jobs(telemetry object) string => '\'${telemetry.events.linkSyncRun}\', \'${telemetry.events.catalogSyncRun}\''

func runsOf(event string) string => 'customEvents | where timestamp {TimeRange} | where name == \'${event}\''

// A run table: when, status, the given counts, and why it was skipped or failed.
func runTable(telemetry object, event string, counts array) string =>
  '${runsOf(event)} | project timestamp, status = ${dimension(telemetry.dimensions.status)}, ${join(map(counts, key => '${key} = ${measurement(key)}'), ', ')}, durationMs = ${measurement('durationMs')}, reason = ${dimension(telemetry.dimensions.reason)}, error = ${dimension(telemetry.dimensions.error)} | order by timestamp desc | take 50'

@export()
@description('Last success, runs by status, and recent runs with their counts, for the link and catalog syncs.')
func bigCommerceSyncItems(telemetry object) array => [
  kqlItem(
    'bigcommerce-last-success',
    'Minutes since the last successful customer-link and catalog sync',
    'customEvents | where timestamp {TimeRange} | where name in (${jobs(telemetry)}) | where ${dimension(telemetry.dimensions.status)} == \'succeeded\' | summarize lastSuccess = max(timestamp) by job = name | extend minutesSinceSuccess = datetime_diff(\'minute\', now(), lastSuccess)',
    'tiles',
    '40'
  )
  kqlItem(
    'bigcommerce-runs-by-status',
    'Customer-link and catalog sync runs by status (failed and skipped included)',
    'customEvents | where timestamp {TimeRange} | where name in (${jobs(telemetry)}) | summarize runs = sum(itemCount) by series = strcat(name, \': \', ${dimension(telemetry.dimensions.status)}), bin(timestamp, {TimeRange:grain})',
    'barchart',
    '60'
  )
  kqlItem(
    'link-sync-runs',
    'Recent customer-link sync runs',
    runTable(telemetry, telemetry.events.linkSyncRun, ['read', 'linked', 'inserted', 'updated', 'removed', 'invalid']),
    'table',
    '100'
  )
  kqlItem(
    'catalog-sync-runs',
    'Recent catalog sync runs',
    runTable(telemetry, telemetry.events.catalogSyncRun, ['read', 'mapped', 'purchasable', 'unmatchable', 'duplicates', 'inserted', 'updated', 'removed']),
    'table',
    '100'
  )
]
