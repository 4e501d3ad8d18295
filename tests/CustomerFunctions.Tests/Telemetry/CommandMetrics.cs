using System.Diagnostics.Metrics;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Telemetry;

/// <summary>The CustomerFunctions counters move with what the server does: commands answered, races lost and retried, emails sent.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class CommandMetrics(TelemetryFixture f) : IDisposable
{
    private readonly TestUser op = TestUser.Operator();
    private readonly MeasurementLog metrics = new(f.Services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task ACommand_CountsOnceOnTheCommandsCounter_WithItsRouteAndStatus_AndItsEmailAsSent()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var invitee = $"counted-{Guid.NewGuid():N}@example.test";

        (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = invitee, fullName = "Count Ed" })).Is(201);
        await f.Mail.WaitFor(invitee);

        Assert.Equal(1, metrics.Sum("customerfunctions.commands", ("route", "CreateInvitation"), ("http.response.status_code", 201)));
        Assert.Equal(0, metrics.Sum("customerfunctions.conflicts.retried", ("route", "CreateInvitation")));
        await WaitUntil(() => metrics.Sum("customerfunctions.emails.sent", ("template", "invitation")) >= 1);
    }

    [Fact]
    public async Task ALostRace_CountsAConflictRetried_AndTheCommandStillOnce()
    {
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op);
        var rival = new TableClient(f.Storage.ConnectionString, "Accounts");
        var profileRead = 0;
        var rivalWrote = 0;
        // Another writer changes the profile between the command's read of it and its commit (the next entity group
        // transaction): the commit then fails on the profile's ETag, as when another command wins the race.
        f.Faults.FailStorageWhen((method, uri) =>
        {
            var target = Uri.UnescapeDataString(uri.AbsoluteUri);
            if (method == "GET" && target.Contains($"PartitionKey='{customer}',RowKey='profile'", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref profileRead, 1);
            }
            else if (method == "POST" && target.EndsWith("/$batch", StringComparison.Ordinal) && profileRead == 1 && Interlocked.Exchange(ref rivalWrote, 1) == 0)
            {
                rival.UpdateEntity(new TableEntity(customer, "profile"), ETag.All, TableUpdateMode.Merge);
            }
            return StorageFault.None;
        });
        try
        {
            (await f.As(admin).Post($"/api/customers/{customer}/invitations", new { email = $"raced-{Guid.NewGuid():N}@example.test", fullName = "Race Lost" })).Is(201);
        }
        finally
        {
            f.Faults.FailStorageWhen(null);
        }

        Assert.Equal(1, rivalWrote);
        Assert.True(metrics.Sum("customerfunctions.conflicts.retried", ("route", "CreateInvitation")) >= 1);
        Assert.Equal(1, metrics.Sum("customerfunctions.commands", ("route", "CreateInvitation"), ("http.response.status_code", 201)));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The counter did not move in time.");
            await Task.Delay(100);
        }
    }

    public void Dispose() => metrics.Dispose();
}
