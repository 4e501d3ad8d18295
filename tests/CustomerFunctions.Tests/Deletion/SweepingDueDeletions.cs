using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Deletion;

public sealed class SweepingDueDeletions(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<Cast> RequestedAsync()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "done" })).Is(201);
        return cast;
    }

    private async Task<string> Status(Cast cast) => (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status");

    [Fact]
    public async Task NothingHappensAt9Days23Hours_TheAccountIsDeletedAfter10Days()
    {
        var cast = await RequestedAsync();
        // Ten days pass in seconds here: the request's notice must have gone out before the deletion erases the
        // account's emails still waiting on the queue (as it would be, days before, in real life).
        await f.Mail.WaitFor(cast.PartnerAdmin.Email);

        f.Time.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(23));
        await f.Sweep.RunAsync();
        Assert.Equal("deletionRequested", await Status(cast));
        Assert.Empty(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));

        f.Time.Advance(TimeSpan.FromHours(1));
        await f.Sweep.RunAsync();
        Assert.Equal("deleted", await Status(cast));
        var e = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
        Assert.Equal("timer", e.Actor.UserId);
        Assert.Empty(await Partition.Rows(f, cast.Customer, MemberRow.Prefix));
        Assert.DoesNotContain(cast.Customer, await Partition.Memberships(f, cast.Employee));
        Assert.Empty(await Partition.DueRows(f, cast.Customer));
        var request = (await f.As(op).Get($"/api/customers/{cast.Customer}/deletion-requests")).Json.GetProperty("items")[0];
        Assert.Equal("deleted", request.GetProperty("outcome").GetString());
        Assert.Equal("timer", request.GetProperty("closedBy").GetProperty("userId").GetString());
        await f.Mail.WaitFor(cast.PartnerAdmin.Email, 2);
    }

    [Fact]
    public async Task ACancelledRequest_IsNotCarriedOut()
    {
        var cast = await RequestedAsync();
        (await f.As(cast.PartnerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "stays" })).Is(200);
        f.Time.Advance(TimeSpan.FromDays(11));
        await f.Sweep.RunAsync();
        Assert.Equal("active", await Status(cast));
    }

    [Fact]
    public async Task AStaleIndexRow_IsRemoved_AndTheAccountLeftAlone()
    {
        var cast = await RequestedAsync();
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "stays" })).Is(200);
        // A late, stale index write (say, the request's effect retried after the cancellation) brings the row back.
        var due = f.Time.GetUtcNow().AddDays(10);
        await f.StorageClients.Index.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(DueDeletions.Partition, DueDeletionRow.Key(due, cast.Customer)) { ["AccountId"] = cast.Customer });

        f.Time.Advance(TimeSpan.FromDays(10));
        await f.Sweep.RunAsync();
        Assert.Equal("active", await Status(cast));
        Assert.Empty(await Partition.DueRows(f, cast.Customer));
    }

    [Fact]
    public async Task ARequestMadeAgainAfterACancel_CountsFromTheNewRequest()
    {
        var cast = await RequestedAsync();
        f.Time.Advance(TimeSpan.FromDays(5));
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "wait" })).Is(200);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "again" })).Is(201);

        f.Time.Advance(TimeSpan.FromDays(6));
        await f.Sweep.RunAsync();
        Assert.Equal("deletionRequested", await Status(cast));
        f.Time.Advance(TimeSpan.FromDays(4));
        await f.Sweep.RunAsync();
        Assert.Equal("deleted", await Status(cast));
    }

    [Fact]
    public async Task TwoSweepsAtOnce_DeleteOnce()
    {
        var casts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RequestedAsync()));
        f.Time.Advance(TimeSpan.FromDays(10));

        await Task.WhenAll(f.Sweep.RunAsync(), f.Sweep.RunAsync(), f.Sweep.RunAsync());

        foreach (var cast in casts)
        {
            Assert.Equal("deleted", await Status(cast));
            Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
            Assert.Single(await f.Mail.WaitFor(cast.CustomerAdmin.Email, 2), m => (m.Subject ?? "").Contains("has been deleted", StringComparison.Ordinal));
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var cast in casts)
        {
            Assert.Single(f.Mail.To(cast.CustomerAdmin.Email), m => (m.Subject ?? "").Contains("has been deleted", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(FaultInjection.AfterCommit, 0)]
    [InlineData(AccountErasure.BeforeBatch, 1)]
    public async Task ASweepKilledBetweenSteps_IsFinishedByTheNextRun_WithoutASecondEmailOrEvent(string point, int passBefore)
    {
        var cast = await RequestedAsync();
        var invitation = await Partition.SeedInvitation(f, cast.Customer, "late@example.test", "Late Invitee");
        await f.Mail.WaitFor(cast.CustomerAdmin.Email);
        f.Time.Advance(TimeSpan.FromDays(10));

        var passed = 0;
        f.Faults.FailWhen(p => p == point && Interlocked.Increment(ref passed) > passBefore);
        try
        {
            await f.Sweep.RunAsync();
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        Assert.Equal("deleted", await Status(cast));
        Assert.Single(await Partition.DueRows(f, cast.Customer));
        Assert.Equal("late@example.test", (await Partition.Row(f, cast.Customer, invitation)).GetString("Email"));
        Assert.Single(f.Mail.To(cast.CustomerAdmin.Email));

        // A run right away leaves a fresh deletion to whoever is still at it; a later one finishes the job.
        await f.Sweep.RunAsync();
        Assert.Single(await Partition.DueRows(f, cast.Customer));
        f.Time.Advance(DeletionFixture.RecoveryDelay);
        await f.Sweep.RunAsync();

        Assert.Empty(await Partition.DueRows(f, cast.Customer));
        Assert.Empty(await Partition.Rows(f, cast.Customer, MemberRow.Prefix));
        Assert.Equal(PersonalData.Erased, (await Partition.Row(f, cast.Customer, invitation)).GetString("Email"));
        Assert.DoesNotContain(cast.Customer, await Partition.Memberships(f, cast.CustomerAdmin));
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
        await f.Mail.WaitFor(cast.CustomerAdmin.Email, 2);
        await f.Mail.WaitFor(cast.PartnerAdmin.Email, 2);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, f.Mail.To(cast.CustomerAdmin.Email).Count);
        Assert.Equal(2, f.Mail.To(cast.PartnerAdmin.Email).Count);
    }

    [Fact]
    public async Task TheSweepReadsOnlyTheDueRange()
    {
        var later = await RequestedAsync();
        f.Time.Advance(TimeSpan.FromDays(3));
        var sooner = await Cast.CreateAsync(f, op);
        await f.StorageClients.Settings.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("operator", "settings") { ["DeletionGraceDays"] = 1 });
        try
        {
            (await f.As(sooner.CustomerAdmin).Post($"/api/customers/{sooner.Customer}/deletion-request", new { })).Is(201);
        }
        finally
        {
            await f.StorageClients.Settings.DeleteEntityAsync("operator", "settings");
        }
        f.Time.Advance(TimeSpan.FromDays(1));
        await f.Sweep.RunAsync();
        Assert.Equal("deleted", (await f.As(op).Get($"/api/customers/{sooner.Customer}")).Str("status"));
        Assert.Equal("deletionRequested", await Status(later));
    }
}
