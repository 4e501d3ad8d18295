using CustomerFunctions.Core.Api;
using CustomerFunctions.Server;

if (args.Length > 0 && args[0] == "mint-token")
{
    return DevelopmentTokenCommand.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "openapi")
{
    // The document both hosts serve at /openapi/v1.json, written without starting anything (scripts/generate-client.sh).
    Console.Out.Write(OpenApiDocument.Json);
    return 0;
}
if (args.Length > 0 && args[0] == "rebuild-indexes")
{
    return await RebuildIndexesCommand.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "openapi")
{
    Console.Write(OpenApiDocument.Json);
    return 0;
}
var app = ServerApp.Build(args);
await app.RunAsync();
return 0;
