using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Row <c>slot-{n}</c> of partition <c>emailcap|{hash of the address}</c> in the Registrations table.</summary>
public sealed class EmailSlotRow : RowMapper<EmailSlot>
{
    public const string PartitionPrefix = "emailcap|";
    private const string KeyPrefix = "slot-";

    /// <summary>The partition of one address's send slots (the address is stored only hashed).</summary>
    public static string Partition(string email) => PartitionPrefix + IdGenerator.Hash(email.ToLowerInvariant());

    public static string Key(int number) => KeyPrefix + number.ToString(CultureInfo.InvariantCulture);

    public override TableEntity ToEntity(string partitionKey, EmailSlot value) => new(partitionKey, Key(value.Number))
    {
        ["SentAt"] = value.SentAt,
    };

    public override EmailSlot FromEntity(TableEntity entity) => new(
        entity.RowKey.StartsWith(KeyPrefix, StringComparison.Ordinal) && int.TryParse(entity.RowKey.AsSpan(KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0,
        entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue);
}
