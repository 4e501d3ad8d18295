using System.Text.Json;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Products;

/// <summary>
/// Stages one change of a customer's product settings: the row, the PRODUCT_CHANGED event with its field changes, and
/// the account's stage following from every product's status (<see cref="StageRules"/>). Setting one product and
/// creating a customer with its products both change products through here.
/// </summary>
public static class CustomerProductChange
{
    /// <param name="otherStatuses">The statuses of the account's other products, as they stand in this command.</param>
    public static void Stage(AccountSession session, CustomerProduct before, CustomerProduct after, IEnumerable<ProductStatus> otherStatuses)
    {
        var changes = new List<FieldChange>();
        if (after.Visible != before.Visible)
        {
            changes.Add(new FieldChange("visible", before.Visible, after.Visible));
        }
        if (after.Status != before.Status)
        {
            changes.Add(new FieldChange("status", Name(before.Status), Name(after.Status)));
        }
        var account = session.Existing;
        var stage = StageRules.Derive(account.IsDeleted, otherStatuses.Append(after.Status));
        if (stage != account.Stage)
        {
            changes.Add(new FieldChange("stage", Name(account.Stage), Name(stage)));
            account.MoveToStage(stage, session.Now);
        }
        // The row keeps what the deletion lifecycle remembers on it (StatusBeforeDeletion), carried in the settings.
        session.Upsert(AccountPartition.Products, after);
        session.Record(EventTypes.ProductChanged, new { productId = after.ProductId }, changes);
    }

    private static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
