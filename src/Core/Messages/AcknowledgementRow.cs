using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Row <c>msgack|{message id}|{encoded user id}</c> of a customer's partition, next to the message's other acknowledgements.</summary>
public sealed class AcknowledgementRow : RowMapper<Acknowledgement>
{
    public const string Prefix = "msgack|";

    /// <summary>The key part every acknowledgement of one message starts with.</summary>
    public static string OfMessage(string messageId) => messageId + "|";

    public static string Id(string messageId, string userId) => OfMessage(messageId) + KeyEncoding.Encode(userId);

    public override TableEntity ToEntity(string partitionKey, Acknowledgement value) => new(partitionKey, Prefix + Id(value.MessageId, value.UserId))
    {
        ["MessageId"] = value.MessageId,
        ["UserId"] = value.UserId,
        ["Name"] = value.Name,
        ["At"] = value.At,
    };

    public override Acknowledgement FromEntity(TableEntity entity) =>
        new(entity.GetString("MessageId") ?? "", entity.GetString("UserId") ?? "", entity.GetString("Name"), entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
