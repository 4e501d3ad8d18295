using System.Text.Json.Serialization;
using CustomerFunctions.Core.Email;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Work a command leaves to be done after its commit, recorded as an outbox row in the same transaction.
/// Every effect is idempotent and converges on the account's current state, so running it late or twice is harmless.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SyncAccountListing), "syncAccountListing")]
[JsonDerivedType(typeof(SyncMembership), "syncMembership")]
[JsonDerivedType(typeof(SyncAllMemberships), "syncAllMemberships")]
[JsonDerivedType(typeof(IndexToken), "indexToken")]
[JsonDerivedType(typeof(RemoveToken), "removeToken")]
[JsonDerivedType(typeof(SendEmail), "sendEmail")]
public abstract record SideEffect;

/// <summary>Copy the account's listing fields into the all-accounts and partner listings.</summary>
public sealed record SyncAccountListing : SideEffect;

/// <summary>Make the user's membership index row match their member row (or remove it).</summary>
public sealed record SyncMembership(string UserId) : SideEffect;

/// <summary>Re-sync every member's index row (after a rename or a deletion).</summary>
public sealed record SyncAllMemberships : SideEffect;

/// <summary>Point a token hash at the row it belongs to (verified against that row on use).</summary>
public sealed record IndexToken(string Purpose, string TokenHash, string RowKey) : SideEffect;

/// <summary>Forget a token hash that no longer works.</summary>
public sealed record RemoveToken(string Purpose, string TokenHash) : SideEffect;

/// <summary>Put an email on the emails queue.</summary>
public sealed record SendEmail(EmailMessage Message) : SideEffect;
