using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Deletion;

public sealed class RequestingDeletion(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task CustomerAdminRequests_ProductsStop_StatusAndDueDateSet_RequestKept_EventRecorded()
    {
        var cast = await Cast.CreateAsync(f, op);
        await Partition.SeedProduct(f, cast.Customer, "cdn", ProductStatus.Active);
        await Partition.SeedProduct(f, cast.Customer, "storage", ProductStatus.Trial);
        await Partition.SeedProduct(f, cast.Customer, "dns", ProductStatus.TrialEnd);
        var now = f.Time.GetUtcNow();

        var created = (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "Moving elsewhere" })).Is(201);
        Assert.Equal("pending", created.Str("outcome"));
        Assert.Equal("Moving elsewhere", created.Str("reason"));
        Assert.Equal(now.AddDays(10), created.Json.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(cast.CustomerAdmin.Id, created.Json.GetProperty("requestedBy").GetProperty("userId").GetString());

        var account = (await f.As(op).Get($"/api/customers/{cast.Customer}")).Is(200);
        Assert.Equal("deletionRequested", account.Str("status"));
        Assert.Equal(now.AddDays(10), account.Json.GetProperty("deletionDueAt").GetDateTimeOffset());
        Assert.Equal("trialEnd", account.Str("stage"));

        Assert.Equal(("Paused", "Active"), await Partition.Product(f, cast.Customer, "cdn"));
        Assert.Equal(("Paused", "Trial"), await Partition.Product(f, cast.Customer, "storage"));
        Assert.Equal(("TrialEnd", null), await Partition.Product(f, cast.Customer, "dns"));

        var requested = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.DeletionRequested));
        Assert.Equal(cast.CustomerAdmin.Id, requested.Actor.UserId);
        Assert.Equal("Moving elsewhere", Partition.Detail(requested, "reason"));
        Assert.Single(await Partition.DueRows(f, cast.Customer));
    }

    [Fact]
    public async Task Request_EmailsThePartnerAdminsAndTheCustomerAdmins_NotTheEmployees()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "Too expensive" })).Is(201);

        var partnerMail = Assert.Single(await f.Mail.WaitFor(cast.PartnerAdmin.Email));
        Assert.Contains(cast.Customer, partnerMail.Subject + partnerMail.TextBody);
        Assert.Contains("Too expensive", partnerMail.TextBody);
        Assert.Contains("2026-11-12", partnerMail.TextBody);
        await f.Mail.WaitFor(cast.CustomerAdmin.Email);
        Assert.Empty(f.Mail.To(cast.Employee.Email));
    }

    [Fact]
    public async Task GermanAccount_GetsTheGermanEmail()
    {
        var partner = await Seed.Partner(f, op);
        var customer = Ids.Account("cust");
        (await f.As(op).Post("/api/customers", new { id = customer, name = "Kunde", partnerId = partner, language = "de" })).Is(201);
        var admin = TestUser.New("deadmin");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);

        (await f.As(admin).Post($"/api/customers/{customer}/deletion-request")).Is(201);
        var mail = Assert.Single(await f.Mail.WaitFor(admin.Email));
        Assert.StartsWith("Löschung", mail.Subject);
    }

    [Fact]
    public async Task WithoutBody_TheRequestHasNoReason()
    {
        var cast = await Cast.CreateAsync(f, op);
        var created = (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request")).Is(201);
        Assert.False(created.Json.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task OnlyItsCustomerAdminsMayRequest()
    {
        var cast = await Cast.CreateAsync(f, op);
        var foreignPartnerAdmin = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreignPartnerAdmin, MemberRole.PartnerAdmin);
        var path = $"/api/customers/{cast.Customer}/deletion-request";

        (await f.As(cast.Employee).Post(path, new { })).IsProblem(403);
        (await f.As(cast.PartnerAdmin).Post(path, new { })).IsProblem(403);
        (await f.As(op).Post(path, new { })).IsProblem(403);
        (await f.As(foreignPartnerAdmin).Post(path, new { })).IsProblem(404);
        (await f.As(TestUser.New("stranger")).Post(path, new { })).IsProblem(404);
        (await f.Anonymous.Post(path, new { })).IsProblem(401);
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
    }

    [Fact]
    public async Task BadBodies_Are400()
    {
        var cast = await Cast.CreateAsync(f, op);
        var path = $"/api/customers/{cast.Customer}/deletion-request";
        (await f.As(cast.CustomerAdmin).Post(path, new { reason = "x", extra = 1 })).IsProblem(400);
        (await f.As(cast.CustomerAdmin).Post(path, new { reason = 5 })).IsProblem(400);
        (await f.As(cast.CustomerAdmin).Post(path, new { reason = new string('r', 2001) })).IsProblem(400, "validation");
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
    }

    [Fact]
    public async Task SecondRequest_Is409()
    {
        var cast = await Cast.CreateAsync(f, op);
        var path = $"/api/customers/{cast.Customer}/deletion-request";
        (await f.As(cast.CustomerAdmin).Post(path, new { })).Is(201);
        (await f.As(cast.CustomerAdmin).Post(path, new { })).IsProblem(409, "deletion-already-requested");
    }

    [Fact]
    public async Task ARetriedRequestWithTheSameIdempotencyKey_ReplaysTheFirstAnswer()
    {
        var cast = await Cast.CreateAsync(f, op);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var path = $"/api/customers/{cast.Customer}/deletion-request";
        var first = (await f.As(cast.CustomerAdmin).Post(path, new { reason = "once" }, headers)).Is(201);
        var again = (await f.As(cast.CustomerAdmin).Post(path, new { reason = "once" }, headers)).Is(201);
        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Single(await Partition.Rows(f, cast.Customer, DeletionRequestRow.Prefix));
    }

    [Fact]
    public async Task ParallelRequests_MakeExactlyOne()
    {
        var cast = await Cast.CreateAsync(f, op);
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { })));
        Assert.Equal(1, replies.Count(r => r.Status == 201));
        Assert.All(replies.Where(r => r.Status != 201), r => r.IsProblem(409));
        Assert.Single(await Partition.Rows(f, cast.Customer, DeletionRequestRow.Prefix));
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.DeletionRequested));
    }

    [Theory]
    [InlineData(AccountStatus.Disabled)]
    [InlineData(AccountStatus.PendingApproval)]
    public async Task InactiveAccount_CannotRequest_409(AccountStatus status)
    {
        var cast = await Cast.CreateAsync(f, op);
        await Partition.SetStatus(f, cast.Customer, status);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { })).IsProblem(409, "account-not-active");
        Assert.Empty(await Partition.Rows(f, cast.Customer, DeletionRequestRow.Prefix));
    }

    [Fact]
    public async Task GraceDaysZero_MakesTheRequestDueAtOnce()
    {
        var settings = f.StorageClients.Settings;
        await settings.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("operator", "settings") { ["DeletionGraceDays"] = 0 });
        try
        {
            var cast = await Cast.CreateAsync(f, op);
            var created = (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { })).Is(201);
            Assert.Equal(f.Time.GetUtcNow(), created.Json.GetProperty("dueAt").GetDateTimeOffset());
            await f.Sweep.RunAsync();
            Assert.Equal("deleted", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
        }
        finally
        {
            await settings.DeleteEntityAsync("operator", "settings");
        }
    }
}
