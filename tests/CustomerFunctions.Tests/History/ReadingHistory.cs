using System.Globalization;
using System.Text.Json;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.History;

public sealed class ReadingHistory(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task Events_ComeNewestFirst_WithIdTypeTimeAndActor()
    {
        var (id, times) = await AccountWithFiveEvents();

        var items = (await f.As(op).Get($"/api/customers/{id}/history")).Is(200).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["CUSTOMER_UPDATED", "CUSTOMER_QUOTA_EDITED", "CUSTOMER_STATUS_CHANGED", "CUSTOMER_UPDATED", "CUSTOMER_CREATED"], items.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(times.AsEnumerable().Reverse(), items.Select(e => e.GetProperty("at").GetDateTimeOffset()));
        Assert.All(items, e => Assert.Equal(32, e.GetProperty("id").GetString()!.Length));
        Assert.All(items, e => Assert.Equal(op.Id, e.GetProperty("actor").GetProperty("userId").GetString()));
        Assert.False(items[^1].TryGetProperty("changes", out _));
        Assert.Equal("History Co", items[^1].GetProperty("details").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TypeFilter_PicksOneKind_UnknownTypesAre400()
    {
        var (id, _) = await AccountWithFiveEvents();
        var updates = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_UPDATED")).Is(200).Json.GetProperty("items");
        Assert.Equal(2, updates.GetArrayLength());
        Assert.All(updates.EnumerateArray(), e => Assert.Equal("CUSTOMER_UPDATED", e.GetProperty("type").GetString()));
        Assert.Equal(0, (await f.As(op).Get($"/api/customers/{id}/history?type=PROJECT_CREATED")).Is(200).Json.GetProperty("items").GetArrayLength());

        (await f.As(op).Get($"/api/customers/{id}/history?type=customer_updated")).IsProblem(400);
        (await f.As(op).Get($"/api/customers/{id}/history?type=NOT_A_TYPE")).IsProblem(400);
    }

    [Fact]
    public async Task FromIsInclusive_ToIsExclusive()
    {
        var (id, times) = await AccountWithFiveEvents();
        var from = Iso(times[1]);
        var to = Iso(times[3]);

        var window = (await f.As(op).Get($"/api/customers/{id}/history?from={from}&to={to}")).Is(200).Json.GetProperty("items");
        Assert.Equal(["CUSTOMER_STATUS_CHANGED", "CUSTOMER_UPDATED"], window.EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        var since = (await f.As(op).Get($"/api/customers/{id}/history?from={Iso(times[3])}")).Is(200).Json.GetProperty("items");
        Assert.Equal(2, since.GetArrayLength());
        var until = (await f.As(op).Get($"/api/customers/{id}/history?to={Iso(times[1])}")).Is(200).Json.GetProperty("items");
        Assert.Equal(["CUSTOMER_CREATED"], until.EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        var offset = times[2].ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var fromOffset = (await f.As(op).Get($"/api/customers/{id}/history?from={Uri.EscapeDataString(offset)}")).Is(200).Json.GetProperty("items");
        Assert.Equal(3, fromOffset.GetArrayLength());
        var day = times[0].UtcDateTime.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(0, (await f.As(op).Get($"/api/customers/{id}/history?from={day}")).Is(200).Json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=02/11/2026", "to")]
    [InlineData("from=2026-11-02T10:00:00Z&to=2026-11-02T09:00:00Z", "to")]
    [InlineData("from=2026-11-02T10:00:00Z&to=2026-11-02T10:00:00Z", "to")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task BadFilters_Are400(string query, string field)
    {
        var id = await Seed.Customer(f, op);
        var reply = (await f.As(op).Get($"/api/customers/{id}/history?{query}")).IsProblem(400);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(field, out _), reply.Text);
    }

    [Fact]
    public async Task Paging_WalksTheWholeHistory_AndRefusesForgedOrForeignTokens()
    {
        var (id, _) = await AccountWithFiveEvents();
        var types = new List<string>();
        var pages = 0;
        string? token = null;
        string? firstToken = null;
        do
        {
            var reply = (await f.As(op).Get($"/api/customers/{id}/history?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)))).Is(200);
            types.AddRange(reply.Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!));
            token = reply.Json.TryGetProperty("continuationToken", out var t) ? t.GetString() : null;
            firstToken ??= token;
            pages++;
        }
        while (token is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(["CUSTOMER_UPDATED", "CUSTOMER_QUOTA_EDITED", "CUSTOMER_STATUS_CHANGED", "CUSTOMER_UPDATED", "CUSTOMER_CREATED"], types);

        var escaped = Uri.EscapeDataString(firstToken!);
        var tampered = Uri.EscapeDataString((firstToken![0] == 'A' ? 'B' : 'A') + firstToken[1..]);
        (await f.As(op).Get($"/api/customers/{id}/history?pageSize=2&continuationToken={tampered}")).IsProblem(400);
        (await f.As(op).Get($"/api/customers/{id}/history?pageSize=2&type=CUSTOMER_UPDATED&continuationToken={escaped}")).IsProblem(400);
        var other = await Seed.Customer(f, op);
        (await f.As(op).Get($"/api/customers/{other}/history?pageSize=2&continuationToken={escaped}")).IsProblem(400);
    }

    [Fact]
    public async Task AdminsAndManagersRead_EmployeesAre403_ForeignPartnersAre404()
    {
        var partner = await Seed.Partner(f, op);
        var foreign = await Seed.Partner(f, op);
        var id = await Seed.Customer(f, op, partner);
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        var partnerEmployee = TestUser.New("pemp");
        var stranger = TestUser.New("foreign");
        await Seed.Member(f, id, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, id, employee, MemberRole.CustomerEmployee);
        await Seed.Member(f, partner, partnerEmployee, MemberRole.PartnerEmployee);
        await Seed.Member(f, foreign, stranger, MemberRole.PartnerAdmin);

        (await f.As(admin).Get($"/api/customers/{id}/history")).Is(200);
        (await f.As(partnerEmployee).Get($"/api/customers/{id}/history")).Is(200);
        (await f.As(employee).Get($"/api/customers/{id}/history")).IsProblem(403);
        (await f.As(stranger).Get($"/api/customers/{id}/history")).IsProblem(404);
        (await f.As(TestUser.New("nobody")).Get($"/api/customers/{id}/history")).IsProblem(404);
        (await f.As(op).Get("/api/customers/no-such-account/history")).IsProblem(404);
        (await f.Anonymous.Get($"/api/customers/{id}/history")).IsProblem(401);
    }

    [Fact]
    public async Task Csv_HasAHeaderAndTheSamePage_WithTheNextTokenInAHeader()
    {
        var (id, _) = await AccountWithFiveEvents();
        var json = (await f.As(op).Get($"/api/customers/{id}/history?pageSize=3")).Is(200);
        var csv = (await f.As(op).Get($"/api/customers/{id}/history?pageSize=3", accept: "text/csv")).Is(200);

        Assert.Equal("text/csv", csv.ContentHeaders.ContentType?.MediaType);
        var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,type,at,actorUserId,impersonatedBy,details,changes", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(
            json.Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()),
            lines.Skip(1).Select(l => l.Split(',')[0]));
        var token = Assert.Single(csv.Headers.GetValues("Continuation-Token"));

        var rest = (await f.As(op).Get($"/api/customers/{id}/history?pageSize=3&continuationToken={Uri.EscapeDataString(token)}", accept: "text/csv")).Is(200);
        Assert.Equal(3, rest.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(rest.Headers.Contains("Continuation-Token"));
    }

    [Fact]
    public async Task Csv_QuotesSeparatorsAndNeutralisesFormulas()
    {
        var mischief = TestUser.New("=HYPERLINK", isOperator: true);
        var id = await Seed.Customer(f, op);
        (await f.As(mischief).Patch($"/api/customers/{id}", new { name = "Smith, \"Jones\" and Sons" })).Is(200);

        var csv = (await f.As(op).Get($"/api/customers/{id}/history?type=CUSTOMER_UPDATED", accept: "text/csv")).Is(200).Text;
        var rows = ParseCsv(csv);
        Assert.Equal(2, rows.Count);
        var cells = rows[1];
        Assert.Equal(7, cells.Count);
        Assert.StartsWith("'=HYPERLINK", cells[3], StringComparison.Ordinal);
        Assert.Equal(mischief.Id, cells[3][1..]);
        var change = JsonDocument.Parse(cells[6]).RootElement[0];
        Assert.Equal("Smith, \"Jones\" and Sons", change.GetProperty("to").GetString());
    }

    /// <summary>A strict RFC 4180 reader: proves the export round-trips through what spreadsheets implement.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.True(c is not ('"' or '\r' or '\n'), $"Unquoted special character at {i}.");
                cell.Append(c);
            }
        }
        Assert.False(quoted, "Unterminated quoted cell.");
        Assert.Empty(row);
        return rows;
    }

    /// <summary>Creates an account and changes it four times, a minute apart; returns the five event times, oldest first.</summary>
    private async Task<(string Id, List<DateTimeOffset> Times)> AccountWithFiveEvents()
    {
        var id = Ids.Account("hist");
        var times = new List<DateTimeOffset>();
        async Task Step(Func<Task<Reply>> action, int status)
        {
            f.Time.Advance(TimeSpan.FromMinutes(1));
            times.Add(f.Time.GetUtcNow());
            (await action()).Is(status);
        }
        await Step(() => f.As(op).Post("/api/customers", new { id, name = "History Co" }), 201);
        await Step(() => f.As(op).Patch($"/api/customers/{id}", new { name = "History Co 2" }), 200);
        await Step(() => f.As(op).Put($"/api/customers/{id}/status", new { status = "disabled" }), 200);
        await Step(() => f.As(op).Put($"/api/customers/{id}/quota", new { projects = 3 }), 200);
        await Step(() => f.As(op).Patch($"/api/customers/{id}", new { seller = "sam" }), 200);
        return (id, times);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
