using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>Erasure walks the account partition map: no kind of row can be added without erasure knowing what to do with it (no I/O).</summary>
public sealed class ErasureCoversThePartitionMap
{
    public static readonly TheoryData<ErasureReason> Reasons = [ErasureReason.Deletion, ErasureReason.Rejection];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryKindOfTheMap_HasAStep_AndEveryScrubbedKindItsScrubber(ErasureReason reason)
    {
        var plan = ErasureRules.Plan(reason);

        Assert.Equal(AccountPartition.All, plan.Select(s => s.Kind));
        Assert.All(plan, step => Assert.Equal(step.Erasure == Erasure.Scrub, step.Scrubber is not null));
        Assert.All(AccountPartition.All.Where(k => k.Erasure == Erasure.Scrub), kind => Assert.NotNull(ErasureRules.ScrubberFor(kind)));
    }

    [Fact]
    public void AKindMarkedScrub_WithoutAScrubber_FailsLoudly()
    {
        var forgotten = new RowKind<TableEntity>("forgotten|", RawRow.Instance, Erasure.Scrub);

        var refused = Assert.Throws<InvalidOperationException>(() => ErasureRules.ScrubberFor(forgotten));
        Assert.Contains("forgotten|", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsThatGivePeopleAccessGo_RowsAboutPeopleAreScrubbed_TheRecordStays()
    {
        Assert.Equal(Erasure.Delete, ErasureRules.ErasureOf(AccountPartition.Members, ErasureReason.Deletion));
        Assert.Equal(Erasure.Delete, ErasureRules.ErasureOf(AccountPartition.ProjectAccess, ErasureReason.Deletion));
        Assert.Equal(Erasure.Delete, ErasureRules.ErasureOf(AccountPartition.Idempotency, ErasureReason.Deletion));
        Assert.Equal(Erasure.Scrub, ErasureRules.ErasureOf(AccountPartition.Invitations, ErasureReason.Deletion));
        Assert.Equal(Erasure.Scrub, ErasureRules.ErasureOf(AccountPartition.Events, ErasureReason.Rejection));
        // What people wrote or were called in the account's record rows goes; the rows stay.
        Assert.Equal(Erasure.Scrub, ErasureRules.ErasureOf(AccountPartition.Registration, ErasureReason.Rejection));
        Assert.Equal(Erasure.Scrub, ErasureRules.ErasureOf(AccountPartition.Messages, ErasureReason.Deletion));
        Assert.Equal(Erasure.Scrub, ErasureRules.ErasureOf(AccountPartition.DeletionRequests, ErasureReason.Deletion));
        Assert.Equal(Erasure.Keep, ErasureRules.ErasureOf(AccountPartition.Projects, ErasureReason.Deletion));
        // A rejected registration's invitations go entirely.
        Assert.Equal(Erasure.Delete, ErasureRules.ErasureOf(AccountPartition.Invitations, ErasureReason.Rejection));
    }

    [Fact]
    public void TheScrubbers_EraseNamesAndEmails_AndAreIdempotent()
    {
        var invitation = new TableEntity("acme", "invitation|i-1") { ["Email"] = "ivy@example.test", ["FullName"] = "Ivy", ["State"] = "pending", ["TokenHash"] = "h", ["Role"] = "CustomerEmployee" };
        Assert.True(RowScrubbers.Invitation(invitation));
        Assert.Equal(("erased", "erased", "cancelled", false, "CustomerEmployee"),
            (invitation.GetString("Email"), invitation.GetString("FullName"), invitation.GetString("State"), invitation.ContainsKey("TokenHash"), invitation.GetString("Role")));
        Assert.False(RowScrubbers.Invitation(invitation));

        var message = new TableEntity("acme", "message|m-1") { ["Subject"] = "Hi Ann", ["Body"] = "Text", ["SentBy"] = "u-2", ["SentByName"] = "Pat", ["Mode"] = "AllMustRead" };
        Assert.True(RowScrubbers.Message(message));
        Assert.Equal(("erased", "erased", "erased", "u-2", "AllMustRead"),
            (message.GetString("Subject"), message.GetString("Body"), message.GetString("SentByName"), message.GetString("SentBy"), message.GetString("Mode")));
        Assert.False(RowScrubbers.Message(message));

        var request = new TableEntity("acme", "deletion|1|r-1") { ["Reason"] = "Closing down", ["Note"] = "Called Ann", ["RequestedBy"] = "u-1", ["Outcome"] = "Deleted" };
        Assert.True(RowScrubbers.DeletionRequest(request));
        Assert.Equal(("erased", "erased", "u-1"), (request.GetString("Reason"), request.GetString("Note"), request.GetString("RequestedBy")));

        var registration = new TableEntity("acme", "registration") { ["UserId"] = "u-1", ["Email"] = "ann@acme.test", ["FullName"] = "Ann", ["RejectionReason"] = "No", ["PartnerId"] = "p" };
        Assert.True(RowScrubbers.Registration(registration));
        Assert.Equal(("erased", "erased", "erased", "u-1", "p"),
            (registration.GetString("Email"), registration.GetString("FullName"), registration.GetString("RejectionReason"), registration.GetString("UserId"), registration.GetString("PartnerId")));

        var event_ = new TableEntity("acme", "event|1") { ["Type"] = "USER_REMOVED", ["Details"] = """{"userId":"u-1","name":"Ann"}""" };
        Assert.True(RowScrubbers.HistoryEvent(event_));
        Assert.Equal("""{"userId":"u-1","name":"erased"}""", event_.GetString("Details"));
        Assert.False(RowScrubbers.HistoryEvent(event_));
    }
}
