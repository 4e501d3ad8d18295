using CustomerFunctions.Core.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCustomerCore(builder.Configuration, builder.Environment.IsDevelopment());
builder.Build().Run();
