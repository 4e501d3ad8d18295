using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Deletion;

public sealed class CancellingDeletion(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task Request(Cast cast, string? reason = null) =>
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason })).Is(201);

    [Fact]
    public async Task PartnerCancels_AccountIsActiveAgain_ProductsAsTheyWere_NoteKept()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Partition.SeedProduct(f, cast.Customer, "cdn", ProductStatus.Active);
        await Partition.SeedProduct(f, cast.Customer, "storage", ProductStatus.Trial);
        await Partition.SeedProduct(f, cast.Customer, "dns", ProductStatus.Deleted);
        await Request(cast, "Leaving");

        var cancelled = (await f.As(cast.PartnerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "Customer stays after a call" })).Is(200);
        Assert.Equal("cancelled", cancelled.Str("outcome"));
        Assert.Equal("Customer stays after a call", cancelled.Str("note"));
        Assert.Equal(cast.PartnerAdmin.Id, cancelled.Json.GetProperty("closedBy").GetProperty("userId").GetString());

        var account = (await f.As(op).Get($"/api/customers/{cast.Customer}")).Is(200);
        Assert.Equal("active", account.Str("status"));
        Assert.Equal("active", account.Str("stage"));
        Assert.False(account.Json.TryGetProperty("deletionDueAt", out _));
        Assert.Equal(("Active", null), await Partition.Product(f, cast.Customer, "cdn"));
        Assert.Equal(("Trial", null), await Partition.Product(f, cast.Customer, "storage"));
        Assert.Equal(("Deleted", null), await Partition.Product(f, cast.Customer, "dns"));
        Assert.Empty(await Partition.DueRows(f, cast.Customer));

        var e = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.DeletionRequestCancelled));
        Assert.Equal(cast.PartnerAdmin.Id, e.Actor.UserId);
        Assert.Equal("Customer stays after a call", Partition.Detail(e, "note"));
    }

    [Fact]
    public async Task Cancel_EmailsAboutTheStatusChange()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Request(cast);
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "Operator decision" })).Is(200);

        var toAdmin = await f.Mail.WaitFor(cast.CustomerAdmin.Email, 2);
        Assert.Contains(toAdmin, m => (m.Subject ?? "").Contains("cancelled", StringComparison.Ordinal));
        var toPartner = await f.Mail.WaitFor(cast.PartnerAdmin.Email, 2);
        Assert.Contains(toPartner, m => (m.Subject ?? "").Contains("cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterCancelling_TheCustomerCanRequestAgain_AndTheListShowsBoth_NewestFirst()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Request(cast, "first");
        f.Time.Advance(TimeSpan.FromMinutes(1));
        (await f.As(cast.PartnerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "talked them round" })).Is(200);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await Request(cast, "second");

        var list = (await f.As(cast.CustomerAdmin).Get($"/api/customers/{cast.Customer}/deletion-requests")).Is(200);
        var items = list.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("second", items[0].GetProperty("reason").GetString());
        Assert.Equal("pending", items[0].GetProperty("outcome").GetString());
        Assert.Equal("first", items[1].GetProperty("reason").GetString());
        Assert.Equal("cancelled", items[1].GetProperty("outcome").GetString());
        Assert.Equal("talked them round", items[1].GetProperty("note").GetString());
        Assert.Equal(cast.CustomerAdmin.Id, items[1].GetProperty("requestedBy").GetProperty("userId").GetString());
        Assert.Single(await Partition.DueRows(f, cast.Customer));
    }

    [Fact]
    public async Task CancelWithoutAStandingRequest_Is409()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "nothing to cancel" })).IsProblem(409, "no-deletion-request");
    }

    [Fact]
    public async Task AnOverLongNote_OrAnUnknownField_Is400_AndChangesNothing()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Request(cast);
        var path = $"/api/customers/{cast.Customer}/deletion-request/cancel";
        var tooLong = (await f.As(op).Post(path, new { note = new string('n', Core.Deletion.DeletionEndpoints.MaxTextLength + 1) })).IsProblem(400, "validation");
        Assert.True(tooLong.Json.GetProperty("errors").TryGetProperty("note", out _));
        (await f.As(op).Post(path, new { note = "ok", colour = "red" })).IsProblem(400);
        Assert.Equal("deletionRequested", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
        Assert.Empty(await AccountRows.Events(f, cast.Customer, EventTypes.DeletionRequestCancelled));
    }

    [Fact]
    public async Task TheNoteIsOptional_AnEmptyBodyOrNoBodyCancels()
    {
        var cast = await Cast.CreateAsync(f, op);
        var path = $"/api/customers/{cast.Customer}/deletion-request/cancel";
        await Request(cast);
        var cancelled = (await f.As(cast.PartnerAdmin).Post(path, new { })).Is(200);
        Assert.False(cancelled.Json.TryGetProperty("note", out _));
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));

        // A later request sorts first: each one at a later moment.
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await Request(cast);
        (await f.As(op).Post(path, new { note = "   " })).Is(200);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await Request(cast);
        (await f.As(op).Post(path)).Is(200);
        var events = await AccountRows.Events(f, cast.Customer, EventTypes.DeletionRequestCancelled);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Null(e.Detail("note")));
    }

    [Fact]
    public async Task OnlyOperatorsAndItsPartnerMayCancel()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Request(cast);
        var foreign = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreign, MemberRole.PartnerAdmin);
        var path = $"/api/customers/{cast.Customer}/deletion-request/cancel";

        (await f.As(cast.CustomerAdmin).Post(path, new { note = "n" })).IsProblem(403);
        (await f.As(cast.Employee).Post(path, new { note = "n" })).IsProblem(403);
        (await f.As(foreign).Post(path, new { note = "n" })).IsProblem(404);
        Assert.Equal("deletionRequested", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
    }

    [Fact]
    public async Task ListingIsForAdmins_AndPages()
    {
        var cast = await Cast.CreateAsync(f, op);
        for (var i = 0; i < 3; i++)
        {
            await Request(cast, "r" + i);
            f.Time.Advance(TimeSpan.FromSeconds(1));
            (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "n" + i })).Is(200);
        }
        var path = $"/api/customers/{cast.Customer}/deletion-requests";
        (await f.As(cast.Employee).Get(path)).IsProblem(403);
        var foreign = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreign, MemberRole.PartnerAdmin);
        (await f.As(foreign).Get(path)).IsProblem(404);

        var first = (await f.As(cast.PartnerAdmin).Get(path + "?pageSize=2")).Is(200);
        Assert.Equal(2, first.Json.GetProperty("items").GetArrayLength());
        Assert.Equal("r2", first.Json.GetProperty("items")[0].GetProperty("reason").GetString());
        var token = first.Str("continuationToken");
        var second = (await f.As(cast.PartnerAdmin).Get(path + "?pageSize=2&continuationToken=" + Uri.EscapeDataString(token))).Is(200);
        Assert.Equal("r0", Assert.Single(second.Json.GetProperty("items").EnumerateArray()).GetProperty("reason").GetString());
        (await f.As(op).Get(path + "?pageSize=2&continuationToken=" + Uri.EscapeDataString(token))).IsProblem(400);
    }
}
