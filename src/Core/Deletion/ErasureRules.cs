using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// What erasure does to each kind of the account partition map: the kind's own <see cref="Erasure"/>, where a rejection
/// differs, and the scrubber of every kind that is scrubbed. The one place a new kind gets its erasure: a kind marked
/// <see cref="Erasure.Scrub"/> without a scrubber here stops every erasure before it touches a row.
/// </summary>
public static class ErasureRules
{
    private static readonly Dictionary<IRowKind, Scrubber> Scrubbers = new()
    {
        [AccountPartition.Invitations] = RowScrubbers.Invitation,
        [AccountPartition.Acknowledgements] = RowScrubbers.Acknowledgement,
        [AccountPartition.Messages] = RowScrubbers.Message,
        [AccountPartition.PartnerMessages] = RowScrubbers.Message,
        [AccountPartition.DeletionRequests] = RowScrubbers.DeletionRequest,
        [AccountPartition.Registration] = RowScrubbers.Registration,
        [AccountPartition.Events] = RowScrubbers.HistoryEvent,
    };

    // A rejected registration never got going: its invitations go entirely instead of staying as a scrubbed record.
    private static readonly Dictionary<IRowKind, Erasure> WhenRejected = new()
    {
        [AccountPartition.Invitations] = Erasure.Delete,
    };

    public static Erasure ErasureOf(IRowKind kind, ErasureReason reason) =>
        reason == ErasureReason.Rejection && WhenRejected.TryGetValue(kind, out var erasure) ? erasure : kind.Erasure;

    /// <summary>The steps of one erasure, in the order of the map; throws when a scrubbed kind has no scrubber.</summary>
    public static IReadOnlyList<ErasureStep> Plan(ErasureReason reason) =>
    [
        .. AccountPartition.All.Select(kind => ErasureOf(kind, reason) switch
        {
            Erasure.Scrub => new ErasureStep(kind, Erasure.Scrub, ScrubberFor(kind)),
            var other => new ErasureStep(kind, other, null),
        }),
    ];

    public static Scrubber ScrubberFor(IRowKind kind) => Scrubbers.TryGetValue(kind, out var scrubber)
        ? scrubber
        : throw new InvalidOperationException($"Rows '{kind.Prefix}' are marked Erasure.Scrub but have no scrubber: add one to {nameof(ErasureRules)}.");
}
