using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Row <c>deletion|{inverted request time}|{id}</c> of the account partition: deletion requests sort newest first.</summary>
public sealed class DeletionRequestRow : RowMapper<DeletionRequest>
{
    public const string Prefix = "deletion|";

    /// <summary>The key part of a request's row.</summary>
    public static string Id(DeletionRequest request) => HistoryEventRow.TimeKey(request.RequestedAt) + "|" + request.Id;

    public override TableEntity ToEntity(string partitionKey, DeletionRequest value) => new(partitionKey, Prefix + Id(value))
    {
        ["RequestId"] = value.Id,
        ["RequestedAt"] = value.RequestedAt,
        ["RequestedBy"] = value.RequestedBy.UserId,
        ["RequestedByImpersonator"] = value.RequestedBy.ImpersonatedBy,
        ["Reason"] = value.Reason,
        ["DueAt"] = value.DueAt,
        ["Outcome"] = value.Outcome.ToString(),
        ["ClosedAt"] = value.ClosedAt,
        ["ClosedBy"] = value.ClosedBy?.UserId,
        ["ClosedByImpersonator"] = value.ClosedBy?.ImpersonatedBy,
        ["Note"] = value.Note,
    };

    public override DeletionRequest FromEntity(TableEntity entity) => new()
    {
        Id = entity.GetString("RequestId") ?? "",
        RequestedAt = entity.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        RequestedBy = new EventActor(entity.GetString("RequestedBy") ?? "", entity.GetString("RequestedByImpersonator")),
        Reason = entity.GetString("Reason"),
        DueAt = entity.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        Outcome = Enum.TryParse<DeletionOutcome>(entity.GetString("Outcome"), out var outcome) ? outcome : DeletionOutcome.Pending,
        ClosedAt = entity.GetDateTimeOffset("ClosedAt"),
        ClosedBy = entity.GetString("ClosedBy") is { } closedBy ? new EventActor(closedBy, entity.GetString("ClosedByImpersonator")) : null,
        Note = entity.GetString("Note"),
    };
}
