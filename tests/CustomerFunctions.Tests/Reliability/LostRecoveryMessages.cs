using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>When the recovery message is lost, the backstop timer still runs the outbox rows it was meant to finish.</summary>
public sealed class LostRecoveryMessages(BackstopFixture f) : IClassFixture<BackstopFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task ADeletionRequestWhoseRecoveryMessageWasLost_IsStillScheduled_AndCarriedOut()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(admin).Post($"/api/customers/{customer}/deletion-request", new { reason = "Leaving" })).IsProblem(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        // The recovery message is lost (poisoned after its tries, say): nothing but the backstop knows of the row now.
        await f.StorageClients.OutboxQueue.ClearMessagesAsync();
        Assert.Single(await AccountRows.Outbox(f, customer));
        Assert.Equal("deletionRequested", (await f.As(op).Get($"/api/customers/{customer}")).Str("status"));
        Assert.False(await IsDue(customer));

        f.Time.Advance(TimeSpan.FromMinutes(6));
        await AccountRows.Eventually(async () => (await AccountRows.Outbox(f, customer)).Count == 0, "the backstop ran the outbox row");
        Assert.True(await IsDue(customer));

        f.Time.Advance(TimeSpan.FromDays(10));
        await AccountRows.Eventually(async () => (await f.As(op).Get($"/api/customers/{customer}")).Str("status") == "deleted", "the deletion sweep deleted the account");
    }

    [Fact]
    public async Task TheBackstop_LeavesFreshRowsToTheRequestAndItsRecovery_AndForgetsSettledAccounts()
    {
        var customer = await Seed.Customer(f, op);
        var backstop = f.Services.GetRequiredService<OutboxBackstop>();
        var pending = f.Services.GetRequiredService<PendingOutboxes>();
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        try
        {
            (await f.As(op).Put($"/api/customers/{customer}/status", new { status = "disabled" })).IsProblem(500);
        }
        finally
        {
            f.Faults.FailWhen(null);
        }

        await backstop.RunAsync();
        Assert.Single(await AccountRows.Outbox(f, customer));
        Assert.Contains(customer, await Marked(pending));

        f.Time.Advance(TimeSpan.FromMinutes(6));
        await AccountRows.Eventually(async () => !(await Marked(pending)).Contains(customer), "the backstop finished the row and removed the marker");
        Assert.Empty(await AccountRows.Outbox(f, customer));
    }

    private async Task<bool> IsDue(string customer)
    {
        await foreach (var row in f.Services.GetRequiredService<DueDeletions>().DueByAsync(f.Time.GetUtcNow().AddDays(11), CancellationToken.None))
        {
            if (row.Value.AccountId == customer)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<List<string>> Marked(PendingOutboxes pending)
    {
        var accounts = new List<string>();
        await foreach (var (accountId, _, _) in pending.AllAsync(CancellationToken.None))
        {
            accounts.Add(accountId);
        }
        return accounts;
    }
}
