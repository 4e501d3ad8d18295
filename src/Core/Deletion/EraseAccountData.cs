using System.Text.Json.Serialization;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Erase what a deleted or rejected account still holds about people, in resumable batches (see <see cref="AccountErasure"/>).</summary>
/// <param name="Reason">Left out of the outbox row for a deletion, so a deletion's row reads and writes as before rejections shared this effect.</param>
public sealed record EraseAccountData(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ErasureReason Reason = ErasureReason.Deletion) : SideEffect<AccountErasure>
{
    public override Task RunAsync(string accountId, AccountErasure erasure, CancellationToken cancellationToken) =>
        erasure.EraseAsync(accountId, Reason, cancellationToken);
}
