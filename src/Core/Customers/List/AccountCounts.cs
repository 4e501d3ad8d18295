using Azure.Data.Tables;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// <c>GET /api/customers/counts</c>: the accounts not deleted, in total, by status and by stage (every value named,
/// zeros included), within the asked test-account mode; <see cref="TestAccounts"/> counts the test accounts apart.
/// </summary>
public sealed record AccountCounts(long Total, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByStage, long TestAccounts)
{
    /// <summary>The counter shards summed.</summary>
    public static AccountCounts From(IReadOnlyList<TableEntity> shards, bool? testAccounts)
    {
        string[] classes = testAccounts switch { null => ["Live", "Test"], true => ["Test"], false => ["Live"] };
        long Sum(string name) => shards.Sum(row => classes.Sum(c => row.GetInt64(c + name) ?? 0));
        return new(
            Sum("Total"),
            Enum.GetValues<AccountStatus>().Where(s => s != AccountStatus.Deleted).ToDictionary(ListFilters.Name, s => Sum("Status" + s)),
            Enum.GetValues<AccountStage>().ToDictionary(ListFilters.Name, s => Sum("Stage" + s)),
            shards.Sum(row => row.GetInt64("TestTotal") ?? 0));
    }
}
