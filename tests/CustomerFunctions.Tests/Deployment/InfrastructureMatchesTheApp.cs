using System.Text.Json;
using System.Text.RegularExpressions;
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
    [InlineData("Timers__OutboxBackstop")]
    public void MainBicep_SetsTheAppSettingsOfApiMd(string setting) =>
        Assert.Contains(setting, Infra("main.bicep"));

    [Theory]
    [InlineData(nameof(ServiceKeysOptions.ContinuationKeys), "continuationKeysReference")]
    [InlineData(nameof(ServiceKeysOptions.ImpersonationKeys), "impersonationKeysReference")]
    public void TheServiceKeys_AreKeyVaultReferences(string setting, string reference)
    {
        // The name the app binds, spelled as an app setting, set to the vault module's reference and nothing else.
        Assert.Contains($"{ServiceKeysOptions.Section}__{setting}: keyVault.outputs.{reference}", Infra("main.bicep"));
        Assert.Matches($@"output {reference} string = '@Microsoft\.KeyVault\(SecretUri=\$\{{vault\.properties\.vaultUri\}}secrets/", Infra("modules/key-vault.bicep"));
        Assert.Contains("keyVaultReferenceIdentity: identityId", Infra("modules/function-app.bicep"));
    }

    [Fact]
    public void TheVault_UsesRbac_AndTheAppMayOnlyReadItsSecrets()
    {
        Assert.Contains("enableRbacAuthorization: true", Infra("modules/key-vault.bicep"));
        var roles = Infra("modules/role-assignments.bicep");
        Assert.Contains("keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'", roles);
        Assert.Contains("scope: vault", roles);
        // Neither Secrets Officer nor Administrator.
        Assert.DoesNotContain("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", roles);
        Assert.DoesNotContain("00482a5a-887f-4fb3-b363-3b7fe8e74483", roles);
    }

    [Fact]
    public void TheEmailRole_CanOnlySend()
    {
        var roles = Infra("modules/role-assignments.bicep");
        var block = Regex.Match(roles, @"\bactions: \[(.*?)\]", RegexOptions.Singleline).Groups[1].Value;
        var actions = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Microsoft.Communication/CommunicationServices/Read", "Microsoft.Communication/CommunicationServices/Write", "Microsoft.Communication/EmailServices/write"], actions);
        Assert.Contains("roleDefinitionId: emailSenderRole.id", roles);
        // Not the built-in owner role (keys, deletion, domains).
        Assert.DoesNotContain("09976791-48a7-449e-bb21-39d1a415f350", roles);
    }

    [Fact]
    public void TheDeployer_HasNoDataRoles_UnlessAskedFor()
    {
        var main = Infra("main.bicep");
        Assert.Contains("param grantDeployerDataAccess bool = false", main);
        Assert.Contains("userPrincipalId: grantDeployerDataAccess ? principalId : ''", main);
        Assert.Contains("GRANT_DEPLOYER_DATA_ACCESS=false", Infra("main.parameters.json"));
    }

    [Fact]
    public void TheDataStorage_IsFirewalledToTheAppsSubnet()
    {
        var main = Infra("main.bicep");
        Assert.Contains("param restrictStorageNetwork bool = true", main);
        Assert.Contains("allowedSubnetId: restrictStorageNetwork ? network!.outputs.appSubnetId : ''", main);
        Assert.Contains("subnetId: restrictStorageNetwork ? network!.outputs.appSubnetId : ''", main);
        var storage = Infra("modules/storage.bicep");
        Assert.Contains("defaultAction: 'Deny'", storage);
        Assert.Contains("virtualNetworkRules: [{ id: allowedSubnetId, action: 'Allow' }]", storage);
        Assert.Contains("serviceEndpoints: [{ service: 'Microsoft.Storage' }]", Infra("modules/network.bicep"));
        Assert.Contains("allowSharedKeyAccess: false", Infra("modules/package-storage.bicep"));
    }

    [Fact]
    public void EveryPoisonQueue_IsWatchedByAnAlert()
    {
        var alerts = Infra("modules/alerts.bicep");
        Assert.Contains("Microsoft.Insights/scheduledQueryRules", alerts);
        var clients = Clients();
        foreach (var poison in clients.AllQueues.Select(q => q.Name).Where(n => n.EndsWith("-poison", StringComparison.Ordinal)))
        {
            Assert.Contains($"'{poison}'", alerts);
        }
        // src/Server's own line (QueuePump) beside the Functions host's "Moving message to queue '<name>-poison'".
        Assert.Contains("moved to the poison queue", alerts);
        Assert.Contains("module alerts 'modules/alerts.bicep'", Infra("main.bicep"));
    }

    [Fact]
    public void TheStorageModule_CreatesEveryTableAndQueueTheAppUses()
    {
        var storage = Infra("modules/storage.bicep");
        var clients = Clients();
        foreach (var name in clients.AllTables.Select(t => t.Name).Concat(clients.AllQueues.Select(q => q.Name)))
        {
            Assert.Contains($"'{name}'", storage);
        }
        Assert.Contains("allowSharedKeyAccess: false", storage);
    }

    [Fact]
    public void HostJson_HasNoRoutePrefix_AndBase64Queues()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        // Every HTTP function names its whole route ("api/customers"), so /openapi/v1.json, /docs and /health sit at the root as in src/Server.
        Assert.Equal("", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
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

    private static StorageClients Clients() =>
        new(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), new Azure.Storage.Queues.QueueServiceClient("UseDevelopmentStorage=true"));

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>("AzureWebJobsStorage:" + v.Key, v.Value))).Build().GetSection("AzureWebJobsStorage");
}
