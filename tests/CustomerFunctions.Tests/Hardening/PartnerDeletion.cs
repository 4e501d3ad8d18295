using System.Diagnostics.Metrics;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Deletion;
using CustomerFunctions.Tests.Infrastructure;
using CustomerFunctions.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Hardening;

/// <summary>A partner cannot have itself deleted by the timer, and the timer deletes nothing that DELETE would refuse.</summary>
public sealed class PartnerDeletion(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task APartnerAdmin_CannotRequestThePartnersDeletion()
    {
        var cast = await Cast.CreateAsync(f, op);

        (await f.As(cast.PartnerAdmin).Post($"/api/customers/{cast.Partner}/deletion-request", new { reason = "bye" })).IsProblem(403, "only-customers-request-deletion");

        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Partner}")).Is(200).Str("status"));
        Assert.Empty(await Partition.Rows(f, cast.Partner, AccountPartition.DeletionRequests.Prefix));
        Assert.Empty(await Partition.DueRows(f, cast.Partner));
    }

    [Fact]
    public async Task ADueRequestOfAPartnerThatStillManagesCustomers_IsCancelledByTheSweep_NotCarriedOut()
    {
        using var metrics = new MeasurementLog(f.Services.GetRequiredService<IMeterFactory>());
        var cast = await Cast.CreateAsync(f, op);
        // A request such as the old code let a partner make.
        var requestId = await RequestedEarlierAsync(cast.Partner, cast.PartnerAdmin);

        f.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(0, await f.Sweep.RunAsync());
        Assert.Equal(1, metrics.Sum("customerfunctions.deletions.swept", ("outcome", "refused")));

        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Partner}")).Is(200).Str("status"));
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Is(200).Str("status"));
        var request = (await f.As(op).Get($"/api/customers/{cast.Partner}/deletion-requests")).Is(200).Json.GetProperty("items")[0];
        Assert.Equal(requestId, request.GetProperty("id").GetString());
        Assert.Equal("cancelled", request.GetProperty("outcome").GetString());
        Assert.Equal("timer", request.GetProperty("closedBy").GetProperty("userId").GetString());
        var cancelled = Assert.Single(await Partition.Events(f, cast.Partner, EventTypes.DeletionRequestCancelled));
        Assert.Equal("partner-has-customers", Partition.Detail(cancelled, "refusedBy"));
        Assert.Empty(await Partition.Events(f, cast.Partner, EventTypes.CustomerDeleted));
        Assert.Empty(await Partition.DueRows(f, cast.Partner));

        // Once its customers are gone, the operator's DELETE (the same rule) lets the partner go.
        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);
        (await f.As(op).Delete($"/api/customers/{cast.Partner}?confirm={cast.Partner}")).Is(200);
    }

    private async Task<string> RequestedEarlierAsync(string accountId, TestUser by)
    {
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(accountId, null, Caller.System("test-seed"));
        var now = session.Now;
        var dueAt = now.AddDays(30);
        var request = new DeletionRequest { Id = Guid.NewGuid().ToString("N"), RequestedAt = now, RequestedBy = new EventActor(by.Id, null), DueAt = dueAt };
        session.Existing.RequestDeletion(dueAt, now);
        session.Add(AccountPartition.DeletionRequests, request);
        session.Effect(new ScheduleDeletion(dueAt));
        await session.CommitAsync(ApiResponse.NoContent());
        Assert.Single(await Partition.DueRows(f, accountId));
        return request.Id;
    }
}
