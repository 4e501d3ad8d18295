using CustomerFunctions.Core.Email;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Tests.Emails;

/// <summary>The SMTP sender against a real SMTP server (MailDev) on loopback.</summary>
public sealed class SendingThroughSmtp
{
    private static SmtpEmailSender Sender(int port, string? user = null, string? password = null) =>
        new(Options.Create(new EmailOptions
        {
            Provider = "smtp",
            FromAddress = "no-reply@panel.test",
            FromName = "The Panel",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, UserName = user, Password = password, Timeout = TimeSpan.FromSeconds(10) },
        }), NullLogger<SmtpEmailSender>.Instance);

    [Fact]
    public async Task SendingAnEmail_DeliversItWithItsIdAsMessageId()
    {
        await using var server = await MailDev.StartAsync();
        var email = new OutgoingEmail("0193a1b2c3d4e5f60718293a4b5c6d7e", "grace@example.test", "Grace Hopper", "Your invitation", "Hello Grace,\nplease join.");

        await Sender(server.SmtpPort).SendAsync(email, CancellationToken.None);

        var received = Assert.Single(await server.WaitForAsync(1));
        Assert.Equal("Your invitation", received.GetProperty("subject").GetString());
        Assert.Equal("grace@example.test", received.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("no-reply@panel.test", received.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains("please join.", received.GetProperty("text").GetString());
        Assert.Contains("0193a1b2c3d4e5f60718293a4b5c6d7e@customer-functions", received.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task ARelayThatRequiresSignIn_AcceptsTheConfiguredCredentials()
    {
        await using var server = await MailDev.StartAsync("relay-user", "relay-secret");
        var email = new OutgoingEmail("0193a1b2c3d4e5f60718293a4b5c6d7f", "alan@example.test", null, "Hi", "Body");

        await Assert.ThrowsAnyAsync<Exception>(() => Sender(server.SmtpPort, "relay-user", "wrong-secret").SendAsync(email, CancellationToken.None));
        await Sender(server.SmtpPort, "relay-user", "relay-secret").SendAsync(email, CancellationToken.None);

        Assert.Single(await server.WaitForAsync(1));
    }

    [Fact]
    public async Task AClosedPort_FailsTheSend()
    {
        var email = new OutgoingEmail("0193a1b2c3d4e5f60718293a4b5c6d80", "alan@example.test", null, "Hi", "Body");

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => Sender(NodeTools.FreePort()).SendAsync(email, CancellationToken.None));
    }
}
