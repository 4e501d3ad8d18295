using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Row <c>message|{id}</c> of a customer's partition.</summary>
public sealed class MessageRow : RowMapper<Message>
{
    public const string Prefix = "message|";

    /// <summary>The key part of a message's row: its id (checked by <see cref="Message.IsValidId"/> where it comes from outside).</summary>
    public static string Id(string messageId) => messageId;

    public override TableEntity ToEntity(string partitionKey, Message value) => Write(new TableEntity(partitionKey, Prefix + Id(value.Id)), value);

    public override Message FromEntity(TableEntity entity) => Read(entity, entity.RowKey[Prefix.Length..]);

    /// <summary>The message's columns, shared with the partner-wide row (<see cref="PartnerMessageRow"/>).</summary>
    internal static TableEntity Write(TableEntity row, Message value)
    {
        row["MessageId"] = value.Id;
        row["Subject"] = value.Subject;
        row["Body"] = value.Body;
        row["Mode"] = value.Mode.ToString();
        row["SentAt"] = value.SentAt;
        row["SentBy"] = value.SentBy.UserId;
        row["SentByName"] = value.SentBy.Name;
        row["SentByImpersonator"] = value.SentBy.ImpersonatedBy;
        row["PartnerWide"] = value.PartnerWide;
        row["ClosedAt"] = value.ClosedAt;
        row["ClosedBy"] = value.ClosedBy;
        return row;
    }

    internal static Message Read(TableEntity e, string idFromKey) => new(
        e.GetString("MessageId") ?? idFromKey,
        e.GetString("Subject") ?? "",
        e.GetString("Body") ?? "",
        Enum.Parse<MessageMode>(e.GetString("Mode") ?? nameof(MessageMode.AllMustRead)),
        e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
        new MessageSender(e.GetString("SentBy") ?? "", e.GetString("SentByName"), e.GetString("SentByImpersonator")),
        e.GetBoolean("PartnerWide") ?? false)
    {
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ClosedBy = e.GetString("ClosedBy"),
    };
}
