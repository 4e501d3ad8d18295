using CustomerFunctions.Core.Customers.List;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// One question to the customer list: a partner's customers (or every account), narrowed by statuses, stages, a
/// seller (any case), a search text, and whether test accounts count (null: both; true: only them; false: none), in
/// one order.
/// </summary>
public sealed record ListingQuery(
    string? PartnerId, IReadOnlyList<AccountStatus> Statuses, IReadOnlyList<AccountStage> Stages, string? Seller, string? Search,
    bool? TestAccounts, ListSort Sort)
{
    /// <summary>The classes of rows to read: <c>live</c>, <c>test</c> or both.</summary>
    public IReadOnlyList<string> Classes => TestAccounts switch
    {
        null => [ListEntry.ClassOf(false), ListEntry.ClassOf(true)],
        var only => [ListEntry.ClassOf(only.Value)],
    };

    /// <summary>Everything that shapes the answer, for binding a continuation token to this query.</summary>
    public string Describe() => string.Join('\n', PartnerId, string.Join(',', Statuses), string.Join(',', Stages), ListText.Fold(Seller), Search, TestAccounts, Sort.Token);
}
