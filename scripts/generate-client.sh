#!/usr/bin/env bash
# Regenerates the checked-in C# client (clients/CustomerFunctions.Client, Kiota) from the OpenAPI document both hosts
# serve at /openapi/v1.json, and keeps a copy of that document in clients/openapi.json. CI runs it and fails when the
# checked-in files differ from what it generates (see .ci/openapi).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Server/CustomerFunctions.Server.csproj -nologo -v quiet >/dev/null
dotnet run --no-build --project src/Server -- openapi > clients/openapi.json
# Kiota asks GitHub for a newer version unless told to stay offline.
KIOTA_OFFLINE_ENABLED=true dotnet kiota generate --language CSharp --openapi clients/openapi.json \
  --output clients/CustomerFunctions.Client/Generated --namespace-name CustomerFunctions.Client \
  --class-name CustomerFunctionsClient --clean-output --exclude-backward-compatible --log-level Warning
echo "generated clients/CustomerFunctions.Client/Generated from clients/openapi.json"
