using Azure.Data.Tables;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// <c>GET /api/customers/counts</c>: the accounts not deleted, in total, by status and by stage (every value named,
/// zeros included), within the asked test-account mode; <see cref="TestAccounts"/> counts the test accounts apart.
/// </summary>
public sealed record AccountCounts(long Total, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByStage, long TestAccounts)
{
    public static AccountCounts From(TableEntity? row, bool? testAccounts)
    {
        string[] classes = testAccounts switch { null => ["Live", "Test"], true => ["Test"], false => ["Live"] };
        long Sum(string name) => classes.Sum(c => row?.GetInt64(c + name) ?? 0);
        return new(
            Sum("Total"),
            Enum.GetValues<AccountStatus>().Where(s => s != AccountStatus.Deleted).ToDictionary(ListFilters.Name, s => Sum("Status" + s)),
            Enum.GetValues<AccountStage>().ToDictionary(ListFilters.Name, s => Sum("Stage" + s)),
            row?.GetInt64("TestTotal") ?? 0);
    }
}
