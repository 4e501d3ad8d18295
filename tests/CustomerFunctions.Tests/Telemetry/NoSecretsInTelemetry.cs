using System.Diagnostics;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>
/// Tries to leak: a bearer token, email addresses and personal names in the header, the body and the query string of
/// requests that also queue an email. None of them may appear in a span (name, attributes, events, links) or a log line.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class NoSecretsInTelemetry(TelemetryFixture f)
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task TokensEmailAddressesAndNames_AppearInNoSpanAndNoLogLine()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var token = f.Token(admin);
        var invitee = $"leaky-{Guid.NewGuid():N}@example.test";
        const string inviteeName = "Zebediah Quartermaine";
        var invite = new TraceContext();
        var search = new TraceContext();
        var refused = new TraceContext();

        (await f.As(admin).Post($"/api/customers/{customer}/invitations?contact={Uri.EscapeDataString(invitee)}", new { email = invitee, fullName = inviteeName }, invite.Headers)).Is(201);
        await f.Mail.WaitFor(invitee);
        await f.Spans.WaitFor(s => s.TraceId == invite.Id && s.DisplayName == "SendEmail");
        await f.As(admin).Send(HttpMethod.Get, $"/api/customers/{customer}/members?search={Uri.EscapeDataString(admin.Email)}&name={Uri.EscapeDataString(admin.Name)}", null, search.Headers);
        // A malformed body: the error path must not quote it either.
        await f.As(admin).Send(HttpMethod.Post, $"/api/customers/{customer}/invitations", $"{{\"email\": \"{invitee}\", \"fullName\": \"{inviteeName}\",", refused.Headers);
        await f.Spans.WaitFor(s => s.TraceId == refused.Id && s.Kind == ActivityKind.Server);

        string[] plain = [token, invitee, inviteeName, "Zebediah", "Quartermaine", admin.Email, admin.Name];
        // As written in a URL too: a logged or recorded query string would hold them escaped.
        var secrets = plain.Concat(plain.Select(Uri.EscapeDataString)).Concat(plain.Select(p => Uri.EscapeDataString(p).Replace("%20", "+", StringComparison.Ordinal))).Distinct().ToList();
        var spans = new[] { invite, search, refused }.SelectMany(t => f.Spans.InTrace(t.Id)).ToList();
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
        foreach (var span in spans)
        {
            var text = Describe(span);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }
        Assert.NotEmpty(f.Logs.Entries);
        foreach (var entry in f.Logs.Entries)
        {
            var text = entry.Category + " " + entry.Message + " " + entry.Exception;
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>All a span exporter sends: names, status, attributes, events and links with theirs, baggage.</summary>
    private static string Describe(Activity span) =>
        string.Join('\n',
        [
            span.DisplayName, span.OperationName, span.StatusDescription ?? "",
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Prepend(e.Name)),
            .. span.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"{t.Key}={t.Value}")),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
        ]);
}
