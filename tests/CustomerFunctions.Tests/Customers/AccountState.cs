using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Customers;

/// <summary>Puts an account into a state no finished API reaches yet (pending approval, a deletion request, projects), for set-up only.</summary>
internal static class AccountState
{
    public static async Task Set(ServiceFixture f, string accountId, Func<Account, Account> change)
    {
        var store = f.Services.GetRequiredService<AccountStore>();
        var session = await store.OpenAsync(accountId, null, Caller.System("test-seed"));
        session.Account = change(session.Existing);
        session.Effect(new SyncAccountListing());
        await session.CommitAsync(ApiResponse.NoContent());
    }
}
