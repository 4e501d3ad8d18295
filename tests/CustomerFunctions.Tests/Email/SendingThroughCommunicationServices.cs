using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using CustomerFunctions.Core.Email;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerFunctions.Tests.Emails;

/// <summary>The Communication Services sender against a loopback fake that checks signatures and replays scripted answers.</summary>
public sealed class SendingThroughCommunicationServices
{
    private const string EmailId = "0193a1b2c3d4e5f60718293a4b5c6d7e";
    private static readonly OutgoingEmail Email = new(EmailId, "ada@example.test", "Ada Lovelace", "Welcome", "Hello Ada");

    private static AcsEmailSender Sender(AcsFake fake, Action<AcsOptions>? tune = null, TokenCredential? credential = null)
    {
        var options = new AcsOptions
        {
            Endpoint = fake.Endpoint.ToString(),
            AccessKey = AcsFake.AccessKey,
            SenderAddress = "DoNotReply@fake.azurecomm.net",
            RetryDelay = TimeSpan.FromMilliseconds(50),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxInlineRetryAfter = TimeSpan.FromSeconds(5),
            MaxPollDuration = TimeSpan.FromSeconds(10),
        };
        tune?.Invoke(options);
        return new AcsEmailSender(options, new HttpClient(), credential, TimeProvider.System, NullLogger<AcsEmailSender>.Instance);
    }

    [Fact]
    public async Task SendingAnEmail_PostsASignedRequestAndPollsTheOperationToSuccess()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.StatusReplies.Enqueue(new AcsFake.Scripted(200, "NotStarted"));
        fake.StatusReplies.Enqueue(new AcsFake.Scripted(200, "Running"));

        await Sender(fake).SendAsync(Email, CancellationToken.None);

        var send = Assert.Single(fake.Sends);
        Assert.True(send.Authenticated);
        Assert.Equal("/emails:send?api-version=2023-03-31", send.PathAndQuery);
        Assert.Equal(Guid.Parse(EmailId).ToString("D"), send.OperationId);
        var body = JsonDocument.Parse(send.Body).RootElement;
        Assert.Equal("DoNotReply@fake.azurecomm.net", body.GetProperty("senderAddress").GetString());
        var to = Assert.Single(body.GetProperty("recipients").GetProperty("to").EnumerateArray().ToList());
        Assert.Equal("ada@example.test", to.GetProperty("address").GetString());
        Assert.Equal("Ada Lovelace", to.GetProperty("displayName").GetString());
        Assert.Equal("Welcome", body.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("Hello Ada", body.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal(3, fake.Polls.Count());
        Assert.All(fake.Polls, p => Assert.Equal($"/emails/operations/{send.OperationId}?api-version=2023-03-31", p.PathAndQuery));
        Assert.All(fake.Requests, r => Assert.True(r.Authenticated));
    }

    [Fact]
    public async Task AWrongAccessKey_IsRefusedAndReported()
    {
        await using var fake = await AcsFake.StartAsync();
        var wrongKey = Convert.ToBase64String(new byte[32]);

        var error = await Assert.ThrowsAsync<EmailSendFailedException>(() => Sender(fake, o => o.AccessKey = wrongKey).SendAsync(Email, CancellationToken.None));

        Assert.Equal("Denied", error.ErrorCode);
        Assert.False(Assert.Single(fake.Sends).Authenticated);
    }

    [Fact]
    public async Task AConnectionString_GivesTheEndpointAndKey()
    {
        await using var fake = await AcsFake.StartAsync();
        var sender = Sender(fake, o =>
        {
            o.Endpoint = null;
            o.AccessKey = null;
            o.ConnectionString = $"endpoint={fake.Endpoint};accesskey={AcsFake.AccessKey}";
        });

        await sender.SendAsync(Email, CancellationToken.None);

        Assert.True(Assert.Single(fake.Sends).Authenticated);
    }

    [Fact]
    public async Task AManagedIdentity_SendsItsBearerTokenForTheCommunicationScope()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.ExpectedBearer = "token-from-the-identity";
        var credential = new StaticCredential("token-from-the-identity");

        await Sender(fake, o => { o.AccessKey = null; o.UseManagedIdentity = true; }, credential).SendAsync(Email, CancellationToken.None);

        Assert.True(Assert.Single(fake.Sends).Authenticated);
        Assert.Equal(["https://communication.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task AShort429_IsWaitedOutAndRetriedWithTheSameOperationId()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.SendReplies.Enqueue(new AcsFake.Scripted(429, RetryAfterSeconds: 1, ErrorCode: "TooManyRequests"));
        var clock = Stopwatch.StartNew();

        await Sender(fake).SendAsync(Email, CancellationToken.None);

        var sends = fake.Sends.ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].OperationId, sends[1].OperationId);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(0.9), $"Retried after {sends[1].At - sends[0].At}, before Retry-After.");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task ALong429_GoesBackToTheQueueWithItsRetryAfter()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.SendReplies.Enqueue(new AcsFake.Scripted(429, RetryAfterSeconds: 120));

        var throttled = await Assert.ThrowsAsync<EmailThrottledException>(() => Sender(fake).SendAsync(Email, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), throttled.RetryAfter);
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.SendReplies.Enqueue(new AcsFake.Scripted(503));
        fake.SendReplies.Enqueue(new AcsFake.Scripted(500));
        fake.StatusReplies.Enqueue(new AcsFake.Scripted(503));

        await Sender(fake).SendAsync(Email, CancellationToken.None);

        Assert.Equal(3, fake.Sends.Count());
        Assert.Single(fake.Sends.Select(s => s.OperationId).Distinct());
        Assert.Equal(2, fake.Polls.Count());
    }

    [Fact]
    public async Task ServerErrorsBeyondTheAttempts_FailTheSend()
    {
        await using var fake = await AcsFake.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            fake.SendReplies.Enqueue(new AcsFake.Scripted(500, ErrorCode: "InternalError"));
        }

        var error = await Assert.ThrowsAsync<EmailSendFailedException>(() => Sender(fake, o => o.MaxAttempts = 3).SendAsync(Email, CancellationToken.None));

        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal(3, fake.Sends.Count());
        Assert.Empty(fake.Polls);
    }

    [Fact]
    public async Task AFailedOperation_IsReportedWithItsError()
    {
        await using var fake = await AcsFake.StartAsync();
        fake.StatusReplies.Enqueue(new AcsFake.Scripted(200, "Running"));
        fake.StatusReplies.Enqueue(new AcsFake.Scripted(200, "Failed", ErrorCode: "EmailDroppedAllRecipientsSuppressed"));

        var error = await Assert.ThrowsAsync<EmailSendFailedException>(() => Sender(fake).SendAsync(Email, CancellationToken.None));

        Assert.Equal("EmailDroppedAllRecipientsSuppressed", error.ErrorCode);
        Assert.Equal(EmailId, error.EmailId);
    }

    [Fact]
    public async Task AnOperationThatNeverFinishes_IsHandedBackAfterThePollBudget()
    {
        await using var fake = await AcsFake.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            fake.StatusReplies.Enqueue(new AcsFake.Scripted(200, "Running"));
        }

        await Assert.ThrowsAsync<EmailSendFailedException>(() => Sender(fake, o => o.MaxPollDuration = TimeSpan.FromMilliseconds(300)).SendAsync(Email, CancellationToken.None));

        Assert.InRange(fake.Polls.Count(), 2, 20);
    }

    [Fact]
    public void AnIdThatIsNoGuid_MapsToAStableOperationId()
    {
        var first = AcsEmailSender.OperationIdFor("invite-42");
        Assert.Equal(first, AcsEmailSender.OperationIdFor("invite-42"));
        Assert.NotEqual(first, AcsEmailSender.OperationIdFor("invite-43"));
        Assert.True(Guid.TryParse(first, out _));
    }

    private sealed class StaticCredential(string token) : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
