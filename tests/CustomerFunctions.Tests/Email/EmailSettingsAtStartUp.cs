using CustomerFunctions.Server;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Emails;

/// <summary>Missing or wrong email settings stop the host at start-up with a message naming the setting.</summary>
public sealed class EmailSettingsAtStartUp
{
    [Theory]
    [InlineData("Email:Acs:Endpoint", "--Email:Provider", "acs", "--Email:Acs:SenderAddress", "a@b.test", "--Email:Acs:UseManagedIdentity", "true")]
    [InlineData("Email:Acs:AccessKey", "--Email:Provider", "acs", "--Email:Acs:Endpoint", "https://x.communication.azure.com", "--Email:Acs:SenderAddress", "a@b.test")]
    [InlineData("Email:Acs:SenderAddress", "--Email:Provider", "acs", "--Email:Acs:ConnectionString", "endpoint=https://x.communication.azure.com/;accesskey=AAAA")]
    [InlineData("Email:Smtp:Host", "--Email:Provider", "smtp")]
    [InlineData("Email:Provider must be", "--Email:Provider", "carrier-pigeon")]
    public async Task AMissingSetting_StopsTheHostWithAClearMessage(string named, params string[] settings)
    {
        string[] args =
        [
            "--environment", "Development", "--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", "UseDevelopmentStorage=true",
            "--Auth:DevelopmentSigningKey", Infrastructure.ServiceFixture.SigningKey, .. settings,
        ];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerApp.Build(args);
            await app.StartAsync();
        });

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void CompleteAcsSettings_PassValidation()
    {
        var validation = new Core.Email.EmailOptionsValidation();
        var options = new Core.Email.EmailOptions
        {
            Provider = "acs",
            Acs = new Core.Email.AcsOptions { Endpoint = "https://x.communication.azure.com", UseManagedIdentity = true, SenderAddress = "DoNotReply@x.azurecomm.net" },
        };

        Assert.True(validation.Validate(null, options).Succeeded);
    }
}
