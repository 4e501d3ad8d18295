// The partner panel (panel/): static files on an Azure Static Web App (Free). azd deploys panel/dist to it
// (azure.yaml, service `panel`); panel/public/staticwebapp.config.json sends the panel's routes to index.html.
param name string
param location string
param tags object

resource panel 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'panel' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    // Deployed by azd from the built files, not from a repository.
    provider: 'None'
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = panel.name
output uri string = 'https://${panel.properties.defaultHostname}'
