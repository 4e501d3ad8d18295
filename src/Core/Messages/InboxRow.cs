using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Row <c>{message id}|{account id}</c> of a user's inbox partition <c>inbox|{encoded user id}</c> in the index table.</summary>
public sealed class InboxRow : RowMapper<InboxEntry>
{
    public static string Partition(string userId) => "inbox|" + KeyEncoding.Encode(userId);

    public static string Key(string messageId, string accountId) => messageId + "|" + accountId;

    public override TableEntity ToEntity(string partitionKey, InboxEntry value) => new(partitionKey, Key(value.MessageId, value.AccountId))
    {
        ["AccountId"] = value.AccountId,
        ["MessageId"] = value.MessageId,
        ["SentAt"] = value.SentAt,
    };

    public override InboxEntry FromEntity(TableEntity entity) =>
        new(entity.GetString("AccountId") ?? "", entity.GetString("MessageId") ?? "", entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue);
}
