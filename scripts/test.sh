#!/usr/bin/env bash
# Runs every test: installs Azurite (npm) if needed, then the xunit suite, which starts its own Azurite and server instances.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f tools/azurite/node_modules/azurite/dist/src/azurite.js ]; then
  (cd tools/azurite && npm ci --no-audit --no-fund)
fi
exec dotnet test tests/CustomerFunctions.Tests/CustomerFunctions.Tests.csproj "$@"
