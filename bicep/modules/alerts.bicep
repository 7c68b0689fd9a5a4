// Log alert on the sync: fires when no run succeeded in the last 45 minutes, or when a run failed. It always
// notifies someone: the given action group, or one created here that emails alertEmail.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Alert rule name.')
param alertName string

@description('Application Insights component the sync telemetry goes to.')
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

var status = telemetry.dimensions.status

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

// One row when unhealthy. summarize without "by" returns a row even when no event arrived at all,
// so a sync that stopped running entirely (succeeded == 0) fires too. Only "succeeded" counts as
// success: partial and skipped runs do not keep the mirror fresh. sumif(itemCount, …) rather than countif:
// a sampled event row stands for itemCount events.
var query = join(
  [
    'customEvents'
    '| where name == \'${telemetry.events.syncRun}\''
    '| extend status = tostring(customDimensions[\'${status}\'])'
    '| summarize succeeded = sumif(itemCount, status == \'succeeded\'), failed = sumif(itemCount, status == \'failed\')'
    '| where succeeded == 0 or failed > 0'
  ],
  '\n'
)

resource syncHealth 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: alertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'ERP sync failed or stale'
    description: 'No successful ERP sync run in 45 minutes, or a sync run failed.'
    severity: 1
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT45M'
    criteria: {
      allOf: [
        {
          query: query
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
