// Log alerts an operator needs, all scoped to Application Insights and all notifying one action group: the given
// one, or one created here that emails alertEmail. Each rule fires when its query returns a row; the README's
// Monitoring section says what to do when each one fires.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the ERP sync alert rule.')
param alertName string

@description('Name prefix of the other alert rules (poison queue, API 5xx, BigCommerce syncs, Key Vault).')
param alertNamePrefix string

@description('Application Insights component the telemetry goes to.')
param appInsightsName string

@description('Shared telemetry names (shared/telemetry/telemetry-names.json).')
param telemetry object

@description('Existing action group to notify; empty = create one that emails alertEmail.')
param actionGroupId string

@description('Email the created action group notifies (used only when actionGroupId is empty).')
param alertEmail string

@description('Name of the created action group.')
param actionGroupName string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource emailGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (empty(actionGroupId)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'erp-sync'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var events = telemetry.events
var dim = telemetry.dimensions
func lines(parts array) string => join(parts, '\n')

// One row when unhealthy. summarize without "by" returns a row even when no event arrived at all, so a job
// that stopped running entirely (succeeded == 0) fires too. Only "succeeded" counts as success: partial and
// skipped runs do not keep the data fresh. sumif(itemCount, …) rather than countif: a sampled event row
// stands for itemCount events.
func failedOrStale(event string, status string) string =>
  lines([
    'customEvents'
    '| where name == \'${event}\''
    '| extend status = tostring(customDimensions[\'${status}\'])'
    '| summarize succeeded = sumif(itemCount, status == \'succeeded\'), failed = sumif(itemCount, status == \'failed\')'
    '| where succeeded == 0 or failed > 0'
  ])

// The host parks a manual sync request in sync-requests-poison after its last failed attempt; every erp-sync
// tick counts that queue (a classic storage metric counts the whole account, not one queue). Metric rows are
// per-interval aggregates: valueMax is the largest count the interval saw.
var poisonQuery = lines([
  'customMetrics'
  '| where name == \'${telemetry.metrics.syncRequestsPoisoned}\''
  '| summarize parked = max(valueMax)'
  '| where parked > 0'
])

// HTTP invocations only (the host's request row of a timer or queue invocation has no url); at least 20
// requests, so one error among a handful does not page anyone.
var serverErrorQuery = lines([
  'requests'
  '| where isnotempty(url)'
  '| summarize total = sum(itemCount), serverErrors = sumif(itemCount, toint(resultCode) >= 500)'
  '| extend share = todouble(serverErrors) / todouble(total)'
  '| where total >= 20 and share > 0.05'
])

// Any failed Key Vault read, one row per setting; servedStale says whether the last value still covers it.
var secretQuery = lines([
  'customEvents'
  '| where name == \'${events.secretUnreadable}\''
  '| summarize failures = sum(itemCount), servedStale = sumif(itemCount, tostring(customDimensions[\'${dim.servedStale}\']) == \'true\') by setting = tostring(customDimensions[\'${dim.setting}\'])'
])

var rules = [
  {
    name: alertName
    displayName: 'ERP sync failed or stale'
    description: 'No successful ERP sync run in 45 minutes, or a sync run failed.'
    severity: 1
    frequency: 'PT15M'
    window: 'PT45M'
    query: failedOrStale(events.syncRun, dim.status)
  }
  {
    name: '${alertNamePrefix}-sync-poison'
    displayName: 'Manual sync request in sync-requests-poison'
    description: 'A manual sync request failed every attempt and the Functions host parked it in the sync-requests-poison queue.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT30M'
    query: poisonQuery
  }
  {
    name: '${alertNamePrefix}-api-5xx'
    displayName: 'API 5xx share above 5%'
    description: 'More than 5% of the API requests in the last 5 minutes (at least 20) answered 5xx.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: serverErrorQuery
  }
  {
    name: '${alertNamePrefix}-link-sync'
    displayName: 'Customer-link sync failed or stale'
    description: 'No successful BigCommerce customer-link sync in 45 minutes, or a run failed.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT45M'
    query: failedOrStale(events.linkSyncRun, dim.status)
  }
  {
    name: '${alertNamePrefix}-catalog-sync'
    displayName: 'Catalog sync failed or stale'
    description: 'No successful BigCommerce catalog sync in 45 minutes, or a run failed.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT45M'
    query: failedOrStale(events.catalogSyncRun, dim.status)
  }
  {
    name: '${alertNamePrefix}-key-vault'
    displayName: 'Key Vault secret unreadable'
    description: 'The app could not read a secret from Key Vault in the last 15 minutes.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: secretQuery
  }
]

resource rule 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for r in rules: {
    name: r.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: r.displayName
      description: r.description
      severity: r.severity
      enabled: true
      scopes: [
        appInsights.id
      ]
      evaluationFrequency: r.frequency
      windowSize: r.window
      criteria: {
        allOf: [
          {
            query: r.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          empty(actionGroupId) ? emailGroup.id : actionGroupId
        ]
      }
    }
  }
]
