using CustomerFunctions.Server;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Secrets;

/// <summary>Outside Development, settings that are only fit for a developer's machine stop the host at start-up, naming the setting.</summary>
public sealed class ProductionSettingsAtStartUp
{
    private const string Key1 = "cHJvZHVjdGlvbi1jb250aW51YXRpb24ta2V5LTAxMjM0NTY3ODk=";
    private const string Key2 = "cHJvZHVjdGlvbi1pbXBlcnNvbmF0aW9uLWtleS0wMTIzNDU2Nzg5";

    /// <summary>Complete Production settings as the Bicep deployment sets them (storage aside), with <paramref name="overrides"/> on top.</summary>
    private static string[] Production(string storage, params string[] overrides) =>
    [
        "--environment", "Production", "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", storage,
        "--Logging:LogLevel:Default", "Warning",
        "--Auth:Authority", "https://login.example.test/tenant/v2.0", "--Auth:Audience", "api://customer-functions",
        "--ServiceKeys:ContinuationKeys", Key1, "--ServiceKeys:ImpersonationKeys", Key2,
        "--Email:Provider", "acs", "--Email:Acs:Endpoint", "https://x.communication.azure.com", "--Email:Acs:UseManagedIdentity", "true",
        "--Email:Acs:SenderAddress", "DoNotReply@x.azurecomm.net",
        "--Panel:BaseUrl", "https://panel.example.com",
        .. overrides,
    ];

    [Theory]
    [InlineData("ServiceKeys:ContinuationKeys is required outside Development", "--ServiceKeys:ContinuationKeys", "")]
    [InlineData("ServiceKeys:ImpersonationKeys is required outside Development", "--ServiceKeys:ImpersonationKeys", "")]
    [InlineData("ServiceKeys:ContinuationKeys is a Key Vault reference that did not resolve",
        "--ServiceKeys:ContinuationKeys", "@Microsoft.KeyVault(SecretUri=https://kv-x.vault.azure.net/secrets/continuation-keys/)")]
    [InlineData("ServiceKeys:ImpersonationKeys: key 2 is not base64 of at least 32 bytes", "--ServiceKeys:ImpersonationKeys", Key2 + ",c2hvcnQ=")]
    [InlineData("must not share a key", "--ServiceKeys:ImpersonationKeys", Key1)]
    [InlineData("Auth:Authority must be an absolute https URL outside Development", "--Auth:Authority", "http://login.example.test/tenant/v2.0")]
    [InlineData("Auth:DevelopmentSigningKey is only allowed in the Development environment", "--Auth:DevelopmentSigningKey", ServiceFixture.SigningKey)]
    [InlineData("Configure Auth:Authority and Auth:Audience", "--Auth:Authority", "", "--Auth:Audience", "")]
    [InlineData("Auth:Audience is required", "--Auth:Audience", "")]
    [InlineData("Panel:BaseUrl must be the panel's absolute https address outside Development", "--Panel:BaseUrl", "")]
    [InlineData("Panel:BaseUrl must be the panel's absolute https address outside Development", "--Panel:BaseUrl", "http://panel.example.com")]
    [InlineData("Panel:BaseUrl must be the panel's absolute https address outside Development", "--Panel:BaseUrl", "panel.example.com")]
    [InlineData("Email:Provider 'pickup' (the default) only writes files and is allowed only in Development", "--Email:Provider", "pickup")]
    public async Task ASettingOnlyFitForDevelopment_StopsTheHost_NamingIt(string message, params string[] overrides)
    {
        // Validation runs before the hosted services, so no storage is needed to see it fail.
        var failure = await StartUpFailureAsync(Production("UseDevelopmentStorage=true", overrides));

        Assert.Contains(message, failure);
        Assert.DoesNotContain(Key1, failure);
        Assert.DoesNotContain(Key2, failure);
    }

    [Fact]
    public async Task WithoutAnyServiceKeys_TheHostDoesNotStart()
    {
        var failure = await StartUpFailureAsync(Production("UseDevelopmentStorage=true", "--ServiceKeys:ContinuationKeys", "", "--ServiceKeys:ImpersonationKeys", ""));

        Assert.Contains("ServiceKeys:ContinuationKeys is required outside Development", failure);
        Assert.Contains("ServiceKeys:ImpersonationKeys is required outside Development", failure);
    }

    [Fact]
    public async Task CompleteProductionSettings_Start()
    {
        await using var storage = await Azurite.StartAsync();
        await using var app = ServerApp.Build(Production(storage.ConnectionString));

        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task InDevelopment_ThePanelDefaultsToTheLocalOne_AndTheKeysToRandomOnes()
    {
        await using var storage = await Azurite.StartAsync();
        await using var app = ServerApp.Build([
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", storage.ConnectionString,
            "--Logging:LogLevel:Default", "Warning", "--Auth:DevelopmentSigningKey", ServiceFixture.SigningKey, "--Panel:BaseUrl", "",
        ]);

        await app.StartAsync();
        Assert.Equal(Core.Hosting.PanelOptions.DevelopmentBaseUrl, app.Services.GetRequiredService<IOptions<Core.Hosting.PanelOptions>>().Value.BaseUrl);
        Assert.Equal(Core.Storage.ServiceKeys.MinimumKeyBytes, app.Services.GetRequiredService<Core.Storage.ServiceKeys>().ContinuationKey.Length);
        await app.StopAsync();
    }

    private static async Task<string> StartUpFailureAsync(string[] args)
    {
        try
        {
            await using var app = ServerApp.Build(args);
            await app.StartAsync();
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is OptionsValidationException))
        {
            return string.Join("\n", e.Flatten().InnerExceptions.Select(x => x.Message));
        }
        Assert.Fail("The host started.");
        return "";
    }
}
