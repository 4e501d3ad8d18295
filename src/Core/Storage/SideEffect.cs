using System.Text.Json.Serialization;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Registration;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Work a command leaves to be done after its commit, recorded as an outbox row in the same transaction.
/// Every effect is idempotent and converges on the account's current state, so running it late or twice is harmless.
/// </summary>
/// <remarks>
/// Outbox rows name each effect by the discriminator listed here, and rows written today are read after the next
/// deployment: a discriminator never changes, even when its class is renamed. A new effect adds a line (a test fails
/// for a concrete subclass that is not listed). Most effects derive from <see cref="SideEffect{TService}"/> and name
/// the one service they use.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SyncAccountListing), "SyncAccountListing")]
[JsonDerivedType(typeof(SyncMembership), "SyncMembership")]
[JsonDerivedType(typeof(SyncAllMemberships), "SyncAllMemberships")]
[JsonDerivedType(typeof(IndexToken), "IndexToken")]
[JsonDerivedType(typeof(RemoveToken), "RemoveToken")]
[JsonDerivedType(typeof(SendEmail), "SendEmail")]
[JsonDerivedType(typeof(FanOutPartnerMessage), "FanOutPartnerMessage")]
[JsonDerivedType(typeof(SyncMessageInbox), "SyncMessageInbox")]
[JsonDerivedType(typeof(ForgetRegistration), "ForgetRegistration")]
[JsonDerivedType(typeof(ScheduleDeletion), "ScheduleDeletion")]
[JsonDerivedType(typeof(UnscheduleDeletion), "UnscheduleDeletion")]
[JsonDerivedType(typeof(EraseAccountData), "EraseAccountData")]
public abstract record SideEffect
{
    public abstract Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken);
}
