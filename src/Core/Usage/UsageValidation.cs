using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Usage;

/// <summary>Checks a batch of usage records field by field; errors are keyed like <c>records[3].quantity</c>.</summary>
public static class UsageValidation
{
    public const decimal MaxQuantity = 1_000_000_000_000m;
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Null when every record is valid (<paramref name="valid"/> then holds them all); otherwise every error found.</summary>
    public static Invalid? Check(RecordUsageBody body, out List<UsageRecord> valid)
    {
        var check = new Validator();
        valid = [];
        if (body.Records is not { } records)
        {
            return check.Error("records", "Required.").Failure;
        }
        if (records.Count == 0)
        {
            check.Error("records", "Send at least one record.");
        }
        if (records.Count > UsageEndpoints.MaxRecordsPerRequest)
        {
            return check.Error("records", $"Send at most {UsageEndpoints.MaxRecordsPerRequest} records per request.").Failure;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var field = $"records[{i}]";
            if (records[i] is not { } r)
            {
                check.Error(field, "Must be an object.");
                continue;
            }
            if (r.Id is null)
            {
                check.Error(field + ".id", "Required: the record id makes a replayed record count once.");
            }
            else if (r.Id.Length > 128 || !Keys.IsSafeKeyPart(r.Id))
            {
                check.Error(field + ".id", "Use 1 to 128 characters, without / \\ # ? | or control characters.");
            }
            else if (r.Id.StartsWith(UsageRollup.Prefix[0]))
            {
                check.Error(field + ".id", "Must not start with '~' (the month's rollup rows use it).");
            }
            else if (!ids.Add(r.Id))
            {
                check.Error(field + ".id", "The same id appears twice in this batch.");
            }
            check.Identifier(field + ".projectId", r.ProjectId)
                .Text(field + ".product", r.Product, 100, required: true)
                .Text(field + ".metric", r.Metric, 100, required: true)
                .Text(field + ".unit", r.Unit, 50, required: true);
            if (r.Quantity is null)
            {
                check.Error(field + ".quantity", "Required.");
            }
            else if (r.Quantity < 0 || r.Quantity > MaxQuantity)
            {
                check.Error(field + ".quantity", $"Must be from 0 to {MaxQuantity}.");
            }
            if (r.From is null)
            {
                check.Error(field + ".from", "Required.");
            }
            else if (r.From < Earliest || r.From >= Latest)
            {
                check.Error(field + ".from", "Must lie between 2000 and 2100.");
            }
            if (r.To is null)
            {
                check.Error(field + ".to", "Required.");
            }
            else if (r.From is not null && r.To <= r.From)
            {
                check.Error(field + ".to", "Must be after from.");
            }
            else if (r.To > Latest)
            {
                check.Error(field + ".to", "Must lie between 2000 and 2100.");
            }
            if (check.IsValid)
            {
                valid.Add(new UsageRecord(r.Id!, r.ProjectId!, r.Product!.Trim(), r.Metric!.Trim(), r.Quantity!.Value, r.Unit!.Trim(), r.From!.Value.ToUniversalTime(), r.To!.Value.ToUniversalTime()));
            }
        }
        return check.Failure;
    }
}
