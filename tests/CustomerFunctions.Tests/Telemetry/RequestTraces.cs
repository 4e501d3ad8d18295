using System.Diagnostics;
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
}
