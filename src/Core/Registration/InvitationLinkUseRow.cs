using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Row <c>linkuse|{link id}|{registration hash}</c> of a partner's partition (the key alone carries both ids).</summary>
public sealed class InvitationLinkUseRow : RowMapper<InvitationLinkUse>
{
    public const string Prefix = "linkuse|";

    public static string Id(string linkId, string registrationHash) => linkId + "|" + registrationHash;

    public override TableEntity ToEntity(string partitionKey, InvitationLinkUse value) => new(partitionKey, Prefix + Id(value.LinkId, value.RegistrationHash))
    {
        ["UsedAt"] = value.UsedAt,
    };

    /// <summary>Link ids never hold '|', so the first one after the prefix ends the link id.</summary>
    public override InvitationLinkUse FromEntity(TableEntity entity)
    {
        var ids = entity.RowKey[Prefix.Length..];
        var split = ids.IndexOf('|', StringComparison.Ordinal);
        return split < 0
            ? new InvitationLinkUse(ids, "", entity.GetDateTimeOffset("UsedAt") ?? DateTimeOffset.MinValue)
            : new InvitationLinkUse(ids[..split], ids[(split + 1)..], entity.GetDateTimeOffset("UsedAt") ?? DateTimeOffset.MinValue);
    }
}
