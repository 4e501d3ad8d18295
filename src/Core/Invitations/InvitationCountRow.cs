using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Row <c>invitecount</c> of the account partition: the invitation emails of the account's current window.</summary>
public sealed class InvitationCountRow : RowMapper<FixedWindow>
{
    /// <summary>The whole key: one counter per account, so its key part is empty.</summary>
    public const string Prefix = "invitecount";
    public const string Id = "";

    public override TableEntity ToEntity(string partitionKey, FixedWindow value) => new(partitionKey, Prefix + Id)
    {
        ["WindowStart"] = value.Start,
        ["Count"] = value.Count,
    };

    public override FixedWindow FromEntity(TableEntity entity) =>
        new(entity.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue, entity.GetInt32("Count") ?? 0);
}
