using Azure.Identity;
using CustomerFunctions.Core.Telemetry;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>Application Insights ingestion signs in as the identity the Bicep names (local auth is off there).</summary>
public sealed class ExporterSettings
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    public void WithoutAadAuthorization_TheExporterUsesTheConnectionStringAlone(string? authenticationString) =>
        Assert.Null(TelemetryFeature.AzureMonitorCredential(authenticationString));

    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD")]
    [InlineData("Authorization=aad")]
    public void WithAadAuthorization_TheExporterSignsInWithTheManagedIdentity(string authenticationString) =>
        Assert.IsType<ManagedIdentityCredential>(TelemetryFeature.AzureMonitorCredential(authenticationString));
}
