namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// One question to the customer list: a partner's customers (or every account), narrowed by statuses, stages, a
/// seller (any case), a search text, and whether test accounts count (null: both; true: only them; false: none), in
/// one order.
/// </summary>
public sealed record ListQuery(
    string? PartnerId, IReadOnlyList<AccountStatus> Statuses, IReadOnlyList<AccountStage> Stages, string? Seller, string? Search,
    bool? TestAccounts, ListSort Sort)
{
    public string? SellerKey => Seller is null ? null : ListText.Fold(Seller);

    /// <summary>Everything that shapes the answer, for binding a continuation token to this query.</summary>
    public string Describe() => string.Join('\n', PartnerId, string.Join(',', Statuses), string.Join(',', Stages), SellerKey, Search, TestAccounts, Sort.Token);

    /// <summary>Whether an account passes the filters (a search's matches are filtered in memory).</summary>
    public bool Admits(ListEntry entry) =>
        (Statuses.Count == 0 || Statuses.Contains(entry.Status))
        && (Stages.Count == 0 || Stages.Contains(entry.Stage))
        && (SellerKey is null || entry.SellerKey == SellerKey)
        && (TestAccounts is null || TestAccounts == entry.IsTestAccount);
}
