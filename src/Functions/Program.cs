using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCustomerCore(builder.Configuration, builder.Environment.IsDevelopment());
// The same wiring as src/Server, plus the worker's invocation spans continuing the Functions host's trace.
builder.Services.AddCustomerTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
