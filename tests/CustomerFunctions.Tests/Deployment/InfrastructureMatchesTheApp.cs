using System.Text.Json;
using Azure.Identity;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Tests.Deployment;

/// <summary>The Bicep deployment, host.json and the app agree on setting names, tables, queues and identities.</summary>
public sealed class InfrastructureMatchesTheApp
{
    private static string Infra(string path) => File.ReadAllText(Path.Combine(Repository.Root, "infra", "bicep", path));

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential: 'managedidentity'")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void TheFunctionAppModule_SetsThePlatformSettings(string setting) =>
        Assert.Contains(setting, Infra("modules/function-app.bicep"));

    [Theory]
    [InlineData("Auth__Authority")]
    [InlineData("Auth__Audience")]
    [InlineData("Email__Provider: 'acs'")]
    [InlineData("Email__Acs__Endpoint")]
    [InlineData("Email__Acs__UseManagedIdentity: 'true'")]
    [InlineData("Email__Acs__SenderAddress")]
    [InlineData("Panel__BaseUrl")]
    [InlineData("Timers__DeletionSweep")]
    [InlineData("Timers__RegistrationPurge")]
    public void MainBicep_SetsTheAppSettingsOfApiMd(string setting) =>
        Assert.Contains(setting, Infra("main.bicep"));

    [Fact]
    public void TheStorageModule_CreatesEveryTableAndQueueTheAppUses()
    {
        var storage = Infra("modules/storage.bicep");
        var clients = new StorageClients(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), new Azure.Storage.Queues.QueueServiceClient("UseDevelopmentStorage=true"));
        foreach (var name in clients.AllTables.Select(t => t.Name).Concat(clients.AllQueues.Select(q => q.Name)))
        {
            Assert.Contains($"'{name}'", storage);
        }
        Assert.Contains("allowSharedKeyAccess: false", storage);
    }

    [Fact]
    public void HostJson_KeepsTheRoutePrefixAndBase64Queues()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        Assert.Equal("api", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var queues = extensions.GetProperty("queues");
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.InRange(queues.GetProperty("maxDequeueCount").GetInt32(), 2, 10);
    }

    [Fact]
    public void ManagedIdentitySettings_SelectTheUserAssignedIdentity()
    {
        var credential = StorageConnection.Credential(Section(("credential", "managedidentity"), ("clientId", "00000000-0000-0000-0000-000000000001")));
        Assert.IsType<ManagedIdentityCredential>(credential);
        Assert.IsType<ManagedIdentityCredential>(StorageConnection.Credential(Section(("credential", "managedidentity"))));
        Assert.IsType<ClientSecretCredential>(StorageConnection.Credential(Section(("tenantId", "t"), ("clientId", "c"), ("clientSecret", "s"))));
        Assert.IsType<DefaultAzureCredential>(StorageConnection.Credential(Section(("accountName", "st"))));
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>("AzureWebJobsStorage:" + v.Key, v.Value))).Build().GetSection("AzureWebJobsStorage");
}
