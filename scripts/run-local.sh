#!/usr/bin/env bash
# Runs the service locally: installs and starts Azurite on 127.0.0.1, builds the panel (panel/), then serves the panel
# and the API on http://127.0.0.1:7071, writing emails to .local/mail and printing a development operator token.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .local/azurite .local/mail
if [ ! -f tools/azurite/node_modules/azurite/dist/src/azurite.js ]; then
  (cd tools/azurite && npm ci --no-audit --no-fund)
fi
# A per-machine development signing key, never committed.
if [ ! -f .local/dev-signing-key ]; then
  head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > .local/dev-signing-key
fi
export Auth__DevelopmentSigningKey="$(cat .local/dev-signing-key)"
# Per-machine service keys (continuation and impersonation tokens), never committed; in Azure they come from Key Vault.
for purpose in continuation impersonation; do
  [ -f ".local/$purpose-keys" ] || head -c 32 /dev/urandom | base64 | tr -d '\n' > ".local/$purpose-keys"
done
export ServiceKeys__ContinuationKeys="$(cat .local/continuation-keys)"
export ServiceKeys__ImpersonationKeys="$(cat .local/impersonation-keys)"
export ASPNETCORE_ENVIRONMENT=Development
export AzureWebJobsStorage="UseDevelopmentStorage=true"
export Email__PickupDirectory="$PWD/.local/mail"
# The panel is served by the server at "/", so the links in emails point there too.
export Panel__BaseUrl="http://127.0.0.1:7071"
if [ ! -d panel/node_modules ]; then
  (cd panel && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f panel/dist/index.html ] || [ -n "$(find panel/src panel/public panel/index.html -newer panel/dist/index.html -print -quit)" ]; then
  (cd panel && npm run --silent build)
fi

node tools/azurite/node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --disableTelemetry \
  --location .local/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
AZURITE_PID=$!
trap 'kill $AZURITE_PID 2>/dev/null || true' EXIT

dotnet build src/Server/CustomerFunctions.Server.csproj -v quiet -nologo
TOKEN=$(dotnet run --no-build --project src/Server -- mint-token --sub dev-operator --email operator@localhost --name "Dev Operator" --operator --hours 12)
cat <<INFO

  Panel:      http://127.0.0.1:7071/signin#token=$TOKEN
  API:        http://127.0.0.1:7071/api   (OpenAPI: http://127.0.0.1:7071/openapi/v1.json)
  API reference: http://127.0.0.1:7071/docs   (Authentication: paste the operator token below as the Bearer token)
  Emails:     $PWD/.local/mail/*.eml
  Operator token (12 hours):
    $TOKEN
  Mint another token:
    Auth__DevelopmentSigningKey=\$(cat .local/dev-signing-key) dotnet run --project src/Server -- mint-token --sub alice --email alice@example.com --name Alice

INFO
dotnet run --no-build --project src/Server -- --urls http://127.0.0.1:7071
