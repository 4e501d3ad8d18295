// An alert when a message moves to a poison queue (it failed five times and nothing retries it on its own). Storage
// queue metrics have no per-queue dimension, so the alert reads the log line written at the move: the Functions
// host's "Moving message to queue '<name>-poison'" and src/Server's "moved to the poison queue".
param applicationInsightsName string
param location string
param tags object

@description('Where the alert is emailed; empty: the alert only shows in Azure Monitor.')
param alertEmail string = ''

var poisonQueues = ['emails-poison', 'outbox-poison', 'partner-messages-poison']

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${applicationInsightsName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'cf-ops'
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

resource poisonMessages 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'poison-messages-${applicationInsightsName}'
  location: location
  tags: tags
  properties: {
    displayName: 'Messages moved to a poison queue'
    description: 'An email, outbox or partner-message fan-out message failed five times and waits in ${join(poisonQueues, ' or ')}: fix the cause, then move it back (docs/operations.md).'
    severity: 2
    enabled: true
    scopes: [applicationInsights.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'traces | where message contains "${poisonQueues[0]}" or message contains "${poisonQueues[1]}" or message contains "${poisonQueues[2]}" or message contains "moved to the poison queue"'
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
    autoMitigate: false
    actions: {
      actionGroups: empty(alertEmail) ? [] : [operators.id]
    }
  }
}
