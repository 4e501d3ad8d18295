using System.Diagnostics;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>A request is one trace: its server span, the storage calls under it, and the emails it queued, sent later.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RequestTraces(TelemetryFixture f)
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task ARequest_IsOneTrace_WithItsStorageCallsAsChildSpansOfTheServerSpan()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var trace = new TraceContext();

        (await f.As(admin).Send(HttpMethod.Get, $"/api/customers/{customer}", null, trace.Headers)).Is(200);

        var server = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.Kind == ActivityKind.Server);
        Assert.Equal(trace.CallerSpan, server.ParentSpanId);
        Assert.Equal("GetCustomer", server.GetTagItem("cf.route"));
        var spans = f.Spans.InTrace(trace.Id);
        var storage = spans.Where(s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(storage);
        Assert.Contains(storage, s => s.DisplayName.StartsWith("TableClient.", StringComparison.Ordinal));
        // Every storage span hangs under the server span, directly or under another span of the same request.
        var inRequest = spans.Select(s => s.SpanId).ToHashSet();
        Assert.All(storage, s => Assert.Contains(s.ParentSpanId, inRequest));
        Assert.All(storage, s => Assert.True(s.StartTimeUtc >= server.StartTimeUtc));
    }

    [Fact]
    public async Task AQueuedEmail_IsSentInTheTraceOfTheRequestThatQueuedIt()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var invitee = $"traced-{Guid.NewGuid():N}@example.test";
        var trace = new TraceContext();

        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = invitee, fullName = "Tracy Traced" }, trace.Headers)).Is(201);
        await f.Mail.WaitFor(invitee);

        var send = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.DisplayName == "SendEmail");
        Assert.Equal(ActivityKind.Consumer, send.Kind);
        Assert.Equal(customer, send.GetTagItem("cf.account.id"));
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.SpanId == send.ParentSpanId);
        // The send's own storage calls (its claim in SentEmails) are in the same trace, under it.
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.ParentSpanId == send.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOutboxRecoveryOfACommand_RunsInTheTraceOfTheRequest()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var trace = new TraceContext();

        // A command with effects queues its (delayed) recovery message before it commits, carrying the request's trace.
        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = $"recovered-{Guid.NewGuid():N}@example.test", fullName = "Rita Recovered" }, trace.Headers)).Is(201);

        var recovery = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.DisplayName == "RecoverOutbox", TimeSpan.FromSeconds(30));
        Assert.Equal(ActivityKind.Consumer, recovery.Kind);
        Assert.Equal(customer, recovery.GetTagItem("cf.account.id"));
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.SpanId == recovery.ParentSpanId && s.Kind == ActivityKind.Server);
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.ParentSpanId == recovery.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APartnerWideMessage_IsFannedOutInTheTraceOfTheRequest()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        await Seed.Customer(f, op, partner);
        var trace = new TraceContext();

        (await f.As(partnerAdmin).Post($"/api/partners/{partner}/messages", new { subject = "Traced", body = "Fanned out.", mode = "allMustRead" }, trace.Headers)).Is(202);

        var chunk = await f.Spans.WaitFor(s => s.TraceId == trace.Id && s.DisplayName == "FanOutPartnerMessage");
        Assert.Equal(ActivityKind.Consumer, chunk.Kind);
        Assert.Equal(partner, chunk.GetTagItem("cf.account.id"));
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.SpanId == chunk.ParentSpanId);
        // The delivery to the customer (its storage calls) is under the chunk's span.
        Assert.Contains(f.Spans.InTrace(trace.Id), s => s.ParentSpanId == chunk.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
    }
}
