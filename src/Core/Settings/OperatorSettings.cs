using Azure.Data.Tables;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Settings;

public enum SelfRegistration { Disabled, Open, ApprovalRequired }

/// <summary>Platform-wide settings an operator keeps.</summary>
public sealed record OperatorSettings(SelfRegistration SelfRegistration, bool InvitationLinks, int DeletionGraceDays)
{
    public static OperatorSettings Defaults { get; } = new(SelfRegistration.Disabled, InvitationLinks: false, DeletionGraceDays: 10);
}

/// <summary>Reads operator settings from the Settings table (one row; defaults until an operator saves them).</summary>
[CoreService]
public sealed class OperatorSettingsStore(StorageClients storage)
{
    public const string PartitionKey = "operator";
    public const string RowKey = "settings";

    public async Task<(OperatorSettings Settings, Azure.ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await storage.Settings.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (OperatorSettings.Defaults, null);
        }
        var e = row.Value!;
        return (new OperatorSettings(
            Enum.TryParse<SelfRegistration>(e.GetString("SelfRegistration"), out var mode) ? mode : OperatorSettings.Defaults.SelfRegistration,
            e.GetBoolean("InvitationLinks") ?? OperatorSettings.Defaults.InvitationLinks,
            e.GetInt32("DeletionGraceDays") ?? OperatorSettings.Defaults.DeletionGraceDays), e.ETag);
    }
}
