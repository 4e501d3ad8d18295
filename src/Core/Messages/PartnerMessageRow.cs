using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Row <c>partnermessage|{id}</c> of a partner's partition: the same columns as the message each customer receives.</summary>
public sealed class PartnerMessageRow : RowMapper<PartnerMessage>
{
    public const string Prefix = "partnermessage|";

    /// <summary>The key part of a partner-wide message: its id (read by id only, never listed).</summary>
    public static string Id(string messageId) => messageId;

    public override TableEntity ToEntity(string partitionKey, PartnerMessage value) =>
        MessageRow.Write(new TableEntity(partitionKey, Prefix + Id(value.Id)), value.ToCustomers());

    public override PartnerMessage FromEntity(TableEntity entity)
    {
        var m = MessageRow.Read(entity, entity.RowKey[Prefix.Length..]);
        return new PartnerMessage(m.Id, m.Subject, m.Body, m.Mode, m.SentAt, m.SentBy) { Audience = m.Audience };
    }
}
