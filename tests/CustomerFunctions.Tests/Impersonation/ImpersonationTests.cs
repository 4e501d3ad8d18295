using System.Text;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerFunctions.Tests.Impersonation;

public sealed class ImpersonationTests(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task TheToken_ActsAsACustomerAdminOfThatOneAccountOnly()
    {
        var (partner, _, customer) = await SetUpAsync();
        var other = await Seed.Customer(f, op, partner);
        var started = (await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Ticket 4711" })).Is(200).Json;
        Assert.Equal(f.Time.GetUtcNow().AddMinutes(15), started.GetProperty("expiresAt").GetDateTimeOffset());
        var token = Impersonating(started);

        Assert.Equal(customer, (await token.Get($"/api/customers/{customer}")).Is(200).Str("id"));
        (await token.Get($"/api/customers/{customer}/products")).Is(200);
        (await token.Get($"/api/customers/{other}")).IsProblem(404);
        (await token.Get($"/api/partners/{partner}/products")).IsProblem(404);
        (await token.Post("/api/customers", new { id = Ids.Account(), name = "Sneaky" })).IsProblem(403);
        // A customer admin, not the operator behind it.
        (await token.Put($"/api/customers/{customer}/products/no-such", new { status = "active" })).IsProblem(403);
        (await token.Post($"/api/customers/{customer}/messages", new { subject = "S", body = "B", mode = "singleRead" })).IsProblem(403);
        (await token.Put($"/api/products/{Ids.Account("prod")}", new { name = "X" })).IsProblem(403);
        Assert.Empty((await token.Get("/api/me/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task StartingIsRecorded_WithWhoWhyAndUntilWhen()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var started = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/impersonation", new { reason = "Customer asked for help" })).Is(200).Json;

        var recorded = Assert.Single(await HistoryRows.Of(f, customer, "IMPERSONATION_STARTED"));
        Assert.Equal(partnerAdmin.Id, recorded.Actor.UserId);
        Assert.Null(recorded.Actor.ImpersonatedBy);
        var details = recorded.Details!.Value;
        Assert.Equal("Customer asked for help", details.GetProperty("reason").GetString());
        Assert.Equal(started.GetProperty("expiresAt").GetDateTimeOffset(), details.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(partnerAdmin.Id, details.GetProperty("impersonator").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task EverythingDoneWithTheToken_NamesTheImpersonator()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var started = (await f.As(partnerAdmin).Post($"/api/customers/{customer}/impersonation", new { reason = "Fix settings" })).Is(200).Json;

        // The caller the service makes of the token, doing a command as any feature would.
        var caller = await CallerOf(started.GetProperty("token").GetString()!);
        Assert.Equal(partnerAdmin.Id, caller.ImpersonatedBy);
        Assert.Equal(customer, caller.ImpersonatedAccountId);
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(customer, null, caller);
        Assert.Equal(Relation.Admin, session.Relation);
        session.Authorize(Allowed.Admins, writes: true).Record("TEST_EVENT");
        await session.CommitAsync(ApiResponse.NoContent());

        var recorded = Assert.Single(await HistoryRows.Of(f, customer, "TEST_EVENT"));
        Assert.Equal(partnerAdmin.Id, recorded.Actor.ImpersonatedBy);
    }

    [Fact]
    public async Task AnAdminWriteOverHttp_WithTheToken_ShowsTheImpersonatorInTheHistory_AndMeDescribesIt()
    {
        var (_, partnerAdmin, customer) = await SetUpAsync();
        var token = Impersonating((await f.As(partnerAdmin).Post($"/api/customers/{customer}/impersonation", new { reason = "Rename for them" })).Is(200).Json);

        (await token.Patch($"/api/customers/{customer}", new { name = "Renamed by support" })).Is(200);
        (await token.Post($"/api/customers/{customer}/invitations", new { email = "new.user@example.test", fullName = "New User" })).Is(201);
        var history = (await f.As(op).Get($"/api/customers/{customer}/history")).Is(200).Json.GetProperty("items").EnumerateArray().ToList();
        foreach (var type in new[] { "CUSTOMER_UPDATED", "USER_INVITED" })
        {
            var entry = history.Single(e => e.GetProperty("type").GetString() == type);
            Assert.Equal(partnerAdmin.Id, entry.GetProperty("actor").GetProperty("impersonatedBy").GetString());
        }

        var me = (await token.Get("/api/me")).Is(200).Json;
        Assert.False(me.GetProperty("isOperator").GetBoolean());
        Assert.Equal(customer, me.GetProperty("impersonation").GetProperty("accountId").GetString());
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal("customerAdmin", membership.GetProperty("role").GetString());
        (await token.Get("/api/customers")).IsProblem(403);
        (await token.Post("/api/invitations/accept", new { token = "whatever" })).IsProblem(403);
    }

    [Fact]
    public async Task TheTokenExpires_AfterFifteenMinutes()
    {
        var (_, _, customer) = await SetUpAsync();
        var token = Impersonating((await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Short look" })).Is(200).Json);

        f.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await token.Get($"/api/customers/{customer}")).Is(200);
        f.Time.Advance(TimeSpan.FromSeconds(2));
        (await token.Get($"/api/customers/{customer}")).IsProblem(401);
    }

    [Fact]
    public async Task TheTokenStopsWorking_WhenTheAccountIsDisabledOrDeleted()
    {
        var (partner, _, customer) = await SetUpAsync();
        var token = Impersonating((await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Check" })).Is(200).Json);
        (await token.Get($"/api/customers/{customer}")).Is(200);

        (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "disabled" })).Is(200);
        (await token.Get($"/api/customers/{customer}")).IsProblem(401);
        (await token.Get($"/api/customers/{customer}/products")).IsProblem(401);
        (await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Again" })).IsProblem(409, "account-disabled");

        // Enabled again within the token's 15 minutes: the old token stays dead; a new impersonation works.
        f.Time.Advance(TimeSpan.FromSeconds(2));
        (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "active" })).Is(200);
        (await token.Get($"/api/customers/{customer}")).IsProblem(401);
        var again = Impersonating((await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Again" })).Is(200).Json);
        (await again.Get($"/api/customers/{customer}")).Is(200);

        var deleted = await Seed.Customer(f, op, partner);
        var other = Impersonating((await f.As(op).Post($"/api/customers/{deleted}/impersonation", new { reason = "Check" })).Is(200).Json);
        await SetStatusAsync(deleted, AccountStatus.Deleted);
        (await other.Get($"/api/customers/{deleted}")).IsProblem(401);
    }

    [Fact]
    public async Task AnImpersonationToken_CannotStartAnotherImpersonation()
    {
        var (partner, _, customer) = await SetUpAsync();
        var other = await Seed.Customer(f, op, partner);
        var token = Impersonating((await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "First" })).Is(200).Json);

        (await token.Post($"/api/customers/{customer}/impersonation", new { reason = "Nested" })).IsProblem(403);
        (await token.Post($"/api/customers/{other}/impersonation", new { reason = "Nested" })).IsProblem(403);
        Assert.Single(await HistoryRows.Of(f, customer, "IMPERSONATION_STARTED"));
        Assert.Empty(await HistoryRows.Of(f, other, "IMPERSONATION_STARTED"));
    }

    [Fact]
    public async Task OnlyOperatorsAndTheAccountsPartner_Impersonate()
    {
        var (partner, _, customer) = await SetUpAsync();
        var admin = TestUser.New("cadmin");
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        var foreign = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreign, MemberRole.PartnerAdmin);
        var body = new { reason = "Why not" };

        (await f.As(admin).Post($"/api/customers/{customer}/impersonation", body)).IsProblem(403);
        (await f.As(employee).Post($"/api/customers/{customer}/impersonation", body)).IsProblem(403);
        (await f.As(foreign).Post($"/api/customers/{customer}/impersonation", body)).IsProblem(404);
        (await f.As(op).Post($"/api/customers/{partner}/impersonation", body)).IsProblem(409, "not-a-customer");
        (await f.As(op).Post("/api/customers/no-such-customer/impersonation", body)).IsProblem(404);
        Assert.Empty(await HistoryRows.Of(f, customer, "IMPERSONATION_STARTED"));
    }

    [Fact]
    public async Task AReasonIsRequired()
    {
        var (_, _, customer) = await SetUpAsync();
        var path = $"/api/customers/{customer}/impersonation";
        Assert.True((await f.As(op).Post(path, new { })).IsProblem(400).Json.GetProperty("errors").TryGetProperty("reason", out _));
        (await f.As(op).Post(path, new { reason = "  " })).IsProblem(400);
        (await f.As(op).Post(path, new { reason = new string('r', 501) })).IsProblem(400);
        (await f.As(op).Post(path, new { reason = "ok", minutes = 60 })).IsProblem(400);
    }

    [Fact]
    public async Task TokensOfTheServicesIssuer_AreRefused_WhenForgedOrWithoutImpersonationClaims()
    {
        var (_, _, customer) = await SetUpAsync();
        var claims = new Dictionary<string, object> { [ImpersonationClaims.By] = op.Id, [ImpersonationClaims.Account] = customer, [ImpersonationClaims.IssuerRole] = ImpersonationClaims.OperatorRole };
        var forged = Mint(Encoding.UTF8.GetBytes("not-the-service-key-0123456789-abcdef"), op.Id, claims);
        (await new ApiClient(f.Http, f.BaseAddress, forged).Get($"/api/customers/{customer}")).IsProblem(401);

        var key = f.Services.GetRequiredService<ServiceKeys>().ImpersonationKey;
        (await new ApiClient(f.Http, f.BaseAddress, Mint(key, op.Id, claims)).Get($"/api/customers/{customer}")).Is(200);
        (await new ApiClient(f.Http, f.BaseAddress, Mint(key, op.Id, new Dictionary<string, object>())).Get($"/api/customers/{customer}")).IsProblem(401);
        // Without the impersonator's role at issue the token cannot be re-checked, so it is refused.
        claims.Remove(ImpersonationClaims.IssuerRole);
        (await new ApiClient(f.Http, f.BaseAddress, Mint(key, op.Id, claims)).Get($"/api/customers/{customer}")).IsProblem(401);
    }

    [Fact]
    public async Task ImpersonationTokens_AreAcceptedOutsideDevelopmentToo()
    {
        var (_, _, customer) = await SetUpAsync();
        var started = (await f.As(op).Post($"/api/customers/{customer}/impersonation", new { reason = "Production check" })).Is(200).Json;
        var production = new TokenValidator(
            Options.Create(new AuthOptions { Authority = "https://login.example.test/tenant/v2.0", Audience = "api://customer-functions", IsDevelopment = false }),
            f.Time, NullLogger<TokenValidator>.Instance, f.Services.GetRequiredService<ServiceKeys>());

        var (caller, error) = await production.ValidateAsync("Bearer " + started.GetProperty("token").GetString(), CancellationToken.None);
        Assert.Null(error);
        Assert.Equal(op.Id, caller!.ImpersonatedBy);
        Assert.Equal(customer, caller.ImpersonatedAccountId);
        Assert.False(caller.IsOperator);
    }

    private async Task<(string Partner, TestUser PartnerAdmin, string Customer)> SetUpAsync()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        return (partner, partnerAdmin, await Seed.Customer(f, op, partner));
    }

    private ApiClient Impersonating(System.Text.Json.JsonElement started) => new(f.Http, f.BaseAddress, started.GetProperty("token").GetString());

    private async Task<Caller> CallerOf(string token)
    {
        var (caller, error) = await f.Services.GetRequiredService<TokenValidator>().ValidateAsync("Bearer " + token, CancellationToken.None);
        Assert.Null(error);
        return caller!;
    }

    /// <summary>Writes the account's status directly (the status route belongs to another feature).</summary>
    private async Task SetStatusAsync(string accountId, AccountStatus status)
    {
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(accountId, null, Caller.System("test"));
        session.Force(status: status);
        await session.CommitAsync(ApiResponse.NoContent());
    }

    private string Mint(byte[] key, string userId, IReadOnlyDictionary<string, object> extraClaims)
    {
        var claims = new Dictionary<string, object>(extraClaims) { ["sub"] = userId };
        var now = f.Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ImpersonationClaims.Issuer,
            Audience = ImpersonationClaims.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
