using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Messages;

/// <summary>Row <c>partnermessage|{id}</c> of a partner's partition: the same columns as the message each customer receives.</summary>
public sealed class PartnerMessageRow : RowMapper<PartnerMessage>
{
    public const string Prefix = "partnermessage|";

    public override TableEntity ToEntity(string partitionKey, PartnerMessage value) =>
        MessageRow.Write(new TableEntity(partitionKey, Prefix + MessageRow.Id(value.Id)), value.ToCustomers());

    public override PartnerMessage FromEntity(TableEntity entity)
    {
        var m = MessageRow.Read(entity, entity.RowKey[Prefix.Length..]);
        return new PartnerMessage(m.Id, m.Subject, m.Body, m.Mode, m.SentAt, m.SentBy);
    }
}
