using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Builds the accounts and members a test starts from, through the API where it can.</summary>
public static partial class Seed
{
    public static async Task<string> Partner(ServiceFixture f, TestUser op, string? id = null)
    {
        id ??= Ids.Account("partner");
        (await f.As(op).Post("/api/customers", new { id, name = "Partner " + id, kind = "partner" })).Is(201);
        return id;
    }

    public static async Task<string> Customer(ServiceFixture f, TestUser op, string? partnerId = null, string? id = null, string language = "en")
    {
        id ??= Ids.Account("cust");
        (await f.As(op).Post("/api/customers", new { id, name = "Customer " + id, partnerId, language })).Is(201);
        return id;
    }

    /// <summary>A customer (of <paramref name="partnerId"/>, when given) with a fresh customer admin.</summary>
    public static async Task<(string Customer, TestUser Admin)> CustomerWithAdmin(ServiceFixture f, TestUser op, string? partnerId = null, string language = "en")
    {
        var customer = await Customer(f, op, partnerId, language: language);
        var admin = TestUser.New("cadmin");
        await Member(f, customer, admin, MemberRole.CustomerAdmin);
        return (customer, admin);
    }

    /// <summary>Makes the user a member directly through the command machinery (test set-up only; no history event).</summary>
    public static async Task Member(ServiceFixture f, string accountId, TestUser user, MemberRole role)
    {
        var store = f.Services.GetRequiredService<AccountStore>();
        for (var attempt = 0; ; attempt++)
        {
            var session = await store.OpenAsync(accountId, null, new Caller("test-seed", null, null, IsOperator: true));
            session.Upsert(AccountPartition.Members, new Member(user.Id, user.Email, user.Name, role, session.Now));
            session.Effect(new SyncMembership(user.Id));
            try
            {
                await session.CommitAsync(ApiResponse.NoContent());
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 20)
            {
                // Seeding members of one account in parallel: the loser of the race tries again, like the dispatcher does.
            }
        }
    }

    /// <summary>Puts an account into a status no route leads to directly from "active" (test set-up only).</summary>
    public static async Task Status(ServiceFixture f, string accountId, Core.Customers.AccountStatus status)
    {
        var store = f.Services.GetRequiredService<AccountStore>();
        for (var attempt = 0; ; attempt++)
        {
            var session = await store.OpenAsync(accountId, null, new Caller("test-seed", null, null, IsOperator: true));
            session.Force(status: status);
            session.Effect(new SyncAccountListing());
            try
            {
                await session.CommitAsync(ApiResponse.NoContent());
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 20)
            {
            }
        }
    }
}
