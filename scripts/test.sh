#!/usr/bin/env bash
# Runs every test: installs Azurite and MailDev (npm) if needed, then the xunit suite, which starts its own Azurite and server instances.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in azurite maildev; do
  if [ ! -d "tools/$tool/node_modules/$tool" ]; then
    (cd "tools/$tool" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
exec dotnet test tests/CustomerFunctions.Tests/CustomerFunctions.Tests.csproj "$@"
