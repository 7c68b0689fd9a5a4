// Azure Monitor workbook for operators: sync health and API traffic. Every event, metric and dimension
// name comes from shared/telemetry/telemetry-names.json (passed in as `telemetry`), the file the app
// emits from, so the queries cannot drift from the code.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Workbook display name; the resource name is a GUID derived from it.')
param displayName string

@description('Application Insights component the workbook queries.')
param appInsightsName string

@description('Shared telemetry names (shared/telemetry/telemetry-names.json).')
param telemetry object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var runEvent = telemetry.events.syncRun
var entityEvent = telemetry.events.syncEntity
var metric = telemetry.metrics
var dim = telemetry.dimensions

// Counts use sum(itemCount), never count(): with sampling on, one stored row stands for itemCount requests
// or events.

// customMeasurements keys of the sync events (not part of the shared names file).
var measure = {
  durationMs: 'durationMs'
  rowsChanged: 'rowsChanged'
  skippedOrphans: 'skippedOrphans'
  rowsPerSecond: 'rowsPerSecond'
  read: 'read'
  inserted: 'inserted'
  updated: 'updated'
  deleted: 'deleted'
  skipped: 'skipped'
}

import { bigCommerceSyncItems, dimension, kqlItem, measurement } from 'workbook-items.bicep'

var runs = 'customEvents | where timestamp {TimeRange} | where name == \'${runEvent}\''
var entities = 'customEvents | where timestamp {TimeRange} | where name == \'${entityEvent}\''

var syncItems = [
  {
    type: 1
    name: 'intro'
    content: {
      json: '## ERP sync and portal API\nSync runs (`${runEvent}`), per-entity results (`${entityEvent}`), sync metrics, the BigCommerce customer-link and catalog syncs (`${telemetry.events.linkSyncRun}`, `${telemetry.events.catalogSyncRun}`) and API requests.'
    }
  }
  {
    type: 9
    name: 'parameters'
    content: {
      version: 'KqlParameterItem/1.0'
      parameters: [
        {
          id: 'e0c1f1a4-5a0e-4c47-9f57-3f1d2b7c9a01'
          version: 'KqlParameterItem/1.0'
          name: 'TimeRange'
          label: 'Time range'
          type: 4
          isRequired: true
          value: {
            durationMs: 86400000
          }
          typeSettings: {
            selectableValues: [
              { durationMs: 3600000 }
              { durationMs: 14400000 }
              { durationMs: 86400000 }
              { durationMs: 259200000 }
              { durationMs: 604800000 }
              { durationMs: 2592000000 }
            ]
          }
        }
      ]
    }
  }
  kqlItem(
    'lag-since-last-success',
    'Minutes since the last successful sync run',
    '${runs} | where ${dimension(dim.status)} == \'succeeded\' | summarize lastSuccess = max(timestamp) | extend minutesSinceSuccess = datetime_diff(\'minute\', now(), lastSuccess)',
    'tiles',
    '30'
  )
  // The app's metrics are OpenTelemetry histograms: the exporter sends one row per export interval with
  // the interval's sum, count, min and max (valueSum, valueCount, valueMin, valueMax in customMetrics;
  // `value` is the sum). Two lag readings in one interval would add up in `value`, so the worst lag is
  // max(valueMax), and a total is sum(valueSum).
  kqlItem(
    'lag-metric',
    'Sync lag (seconds, ${metric.syncLagSeconds})',
    'customMetrics | where timestamp {TimeRange} | where name == \'${metric.syncLagSeconds}\' | summarize lagSeconds = max(valueMax) by bin(timestamp, {TimeRange:grain})',
    'timechart',
    '70'
  )
  kqlItem(
    'runs-by-status',
    'Sync runs by status',
    '${runs} | extend status = ${dimension(dim.status)} | summarize runs = sum(itemCount) by status, bin(timestamp, {TimeRange:grain})',
    'barchart',
    '50'
  )
  kqlItem(
    'run-duration',
    'Sync run duration (ms)',
    '${runs} | extend durationMs = ${measurement(measure.durationMs)} | summarize avgMs = avg(durationMs), maxMs = max(durationMs) by bin(timestamp, {TimeRange:grain})',
    'timechart',
    '50'
  )
  kqlItem(
    'rows-changed-per-entity',
    'Rows changed per entity',
    '${entities} | extend entity = ${dimension(dim.entity)}, changed = ${measurement(measure.inserted)} + ${measurement(measure.updated)} + ${measurement(measure.deleted)} | summarize rowsChanged = sum(changed) by entity, bin(timestamp, {TimeRange:grain})',
    'timechart',
    '50'
  )
  kqlItem(
    'skipped-orphans',
    'Skipped orphan rows',
    '${runs} | summarize skippedOrphans = sum(${measurement(measure.skippedOrphans)}) by bin(timestamp, {TimeRange:grain})',
    'timechart',
    '50'
  )
  kqlItem(
    'entity-totals',
    'Per-entity totals',
    '${entities} | extend entity = ${dimension(dim.entity)} | summarize runs = dcount(${dimension(dim.runId)}), read = sum(${measurement(measure.read)}), inserted = sum(${measurement(measure.inserted)}), updated = sum(${measurement(measure.updated)}), deleted = sum(${measurement(measure.deleted)}), skipped = sum(${measurement(measure.skipped)}), avgRowsPerSecond = avg(${measurement(measure.rowsPerSecond)}), avgDurationMs = avg(${measurement(measure.durationMs)}) by entity',
    'table',
    '100'
  )
  kqlItem(
    'recent-runs',
    'Recent sync runs',
    '${runs} | project timestamp, runId = ${dimension(dim.runId)}, status = ${dimension(dim.status)}, trigger = ${dimension(dim.trigger)}, durationMs = ${measurement(measure.durationMs)}, rowsChanged = ${measurement(measure.rowsChanged)}, skippedOrphans = ${measurement(measure.skippedOrphans)}, rowsPerSecond = ${measurement(measure.rowsPerSecond)}, error = ${dimension(dim.error)} | order by timestamp desc | take 100',
    'table',
    '100'
  )
]

var apiItems = [
  kqlItem(
    'api-by-endpoint',
    'API requests, failures and latency by endpoint',
    'requests | where timestamp {TimeRange} | summarize requests = sum(itemCount), failures = sumif(itemCount, success == false), p50Ms = percentile(duration, 50), p95Ms = percentile(duration, 95) by endpoint = name | order by requests desc',
    'table',
    '100'
  )
  kqlItem(
    'api-over-time',
    'API requests and failures',
    'requests | where timestamp {TimeRange} | summarize requests = sum(itemCount), failures = sumif(itemCount, success == false) by bin(timestamp, {TimeRange:grain})',
    'timechart',
    '50'
  )
  kqlItem(
    'api-guards',
    'Auth failures and rate-limited requests',
    'customMetrics | where timestamp {TimeRange} | where name in (\'${metric.apiAuthFailures}\', \'${metric.apiRateLimited}\') | summarize total = sum(valueSum) by name, bin(timestamp, {TimeRange:grain})',
    'timechart',
    '50'
  )
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, displayName)
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: string({
      version: 'Notebook/1.0'
      items: concat(syncItems, bigCommerceSyncItems(telemetry), apiItems)
      isLocked: false
      fallbackResourceIds: [
        appInsights.id
      ]
    })
  }
}
