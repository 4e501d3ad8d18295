using System.Text.Json.Serialization;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Erase what a deleted or rejected account still holds about people, in resumable batches (see <see cref="AccountErasure"/>).</summary>
/// <param name="Reason">Left out of the outbox row for a deletion, so rows written before rejections shared this effect read the same.</param>
public sealed record EraseAccountData(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ErasureReason Reason = ErasureReason.Deletion) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AccountErasure>().EraseAsync(accountId, Reason, cancellationToken);
}
