using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>
/// Row <c>message|{inverted send time}|{id}</c> of a customer's partition: the messages sent, newest first, like the
/// history. The time comes from the id itself (a UUID v7 holds its creation time), so a point read needs only the id.
/// Rows of the first version (<c>message|{id}</c>) are moved by <see cref="MessageKeyMigration"/>.
/// </summary>
public sealed class MessageRow : RowMapper<Message>
{
    public const string Prefix = "message|";

    /// <summary>The key part of a message's row (the id is checked by <see cref="Message.IsValidId"/> where it comes from outside).</summary>
    public static string Id(string messageId) => CreatedAt(messageId) is { } at ? HistoryEventRow.TimeKey(at) + "|" + messageId : messageId;

    /// <summary>The time a UUID v7 id (32 hex digits, version nibble 7) was made: its first 48 bits count Unix milliseconds.</summary>
    public static DateTimeOffset? CreatedAt(string id) =>
        id.Length == 32 && id[12] == '7' && long.TryParse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    public override TableEntity ToEntity(string partitionKey, Message value) => Write(new TableEntity(partitionKey, Prefix + Id(value.Id)), value);

    public override Message FromEntity(TableEntity entity) => Read(entity, entity.RowKey[(entity.RowKey.LastIndexOf('|') + 1)..]);

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
        row["Audience"] = value.Audience.ToString();
        row["UserIds"] = value.UserIds.Count == 0 ? null : JsonSerializer.Serialize(value.UserIds);
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
        // Rows written before audiences existed went to everyone.
        Audience = Enum.TryParse<MessageAudience>(e.GetString("Audience"), out var audience) ? audience : MessageAudience.Everyone,
        UserIds = e.GetString("UserIds") is { } ids ? JsonSerializer.Deserialize<List<string>>(ids) ?? [] : [],
    };
}
