using System.Text.Json.Serialization.Metadata;
using CustomerFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Work a command leaves to be done after its commit, recorded as an outbox row in the same transaction.
/// Every effect is idempotent and converges on the account's current state, so running it late or twice is harmless.
/// Features add their own effects by deriving from this type (serialized with the class name as discriminator).
/// </summary>
public abstract record SideEffect
{
    public abstract Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Lets System.Text.Json (de)serialize every SideEffect subclass in this assembly by its class name.</summary>
    internal static void AddDerivedTypes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(SideEffect))
        {
            return;
        }
        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        foreach (var type in typeof(SideEffect).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SideEffect)) && !t.IsAbstract))
        {
            typeInfo.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
        }
    }
}

/// <summary>Make the user's membership index row match their member row (or remove it).</summary>
public sealed record SyncMembership(string UserId) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IndexSync>().SyncMembershipAsync(accountId, UserId, cancellationToken);
}

/// <summary>Re-sync every member's index row (after a rename).</summary>
public sealed record SyncAllMemberships : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IndexSync>().SyncAllMembershipsAsync(accountId, cancellationToken);
}

/// <summary>Point a token hash at the row it belongs to (verified against that row on use).</summary>
public sealed record IndexToken(string Purpose, string TokenHash, string RowKey) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IndexTable>().PointAsync(IndexTable.Token(Purpose, TokenHash), accountId, RowKey, cancellationToken);
}

/// <summary>Forget a token hash that no longer works.</summary>
public sealed record RemoveToken(string Purpose, string TokenHash) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IndexTable>().RemovePointerAsync(IndexTable.Token(Purpose, TokenHash), cancellationToken);
}

/// <summary>Put an email on the emails queue.</summary>
public sealed record SendEmail(EmailMessage Message) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EmailQueue>().EnqueueAsync(Message, cancellationToken);
}
