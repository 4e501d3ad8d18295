namespace CustomerFunctions.Core.Customers.List;

/// <summary>What the customer list knows of one account to place it: the folded sort values, the filter values and the search terms.</summary>
public sealed record ListEntry(
    string Id, string Name, string SellerKey, string? Seller, AccountStatus Status, AccountStage Stage, bool IsTestAccount,
    DateTimeOffset CreatedAt, IReadOnlyList<string> Terms)
{
    /// <summary>Words of a name that start a search term: enough for any real company name, and a bound on rows.</summary>
    public const int MaxNameWords = 8;

    public static ListEntry From(Account a) => new(
        a.Id, ListText.Fold(a.Name), ListText.Fold(a.Seller), string.IsNullOrWhiteSpace(a.Seller) ? null : a.Seller.Trim(), a.Status, a.Stage,
        a.IsTestAccount, a.CreatedAt, TermsOf(a));

    /// <summary>Counted by counts and sellers: every account but a deleted one.</summary>
    public bool IsLive => Status != AccountStatus.Deleted;

    /// <summary>Search matches a prefix of any term: the id, customId, companyEmail, and the name from each of its words on.</summary>
    private static List<string> TermsOf(Account a)
    {
        var words = ListText.Fold(a.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxNameWords).ToArray();
        var terms = new List<string> { ListText.Fold(a.Id, keepSymbols: true), ListText.Fold(a.CustomId, keepSymbols: true), ListText.Fold(a.CompanyEmail, keepSymbols: true) };
        terms.AddRange(Enumerable.Range(0, words.Length).Select(i => string.Join(' ', words[i..])));
        return [.. terms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a folded search text is a prefix of one of the terms (the full terms; keys hold shortened ones).</summary>
    public bool Matches(IEnumerable<string> searches) => searches.Any(s => Terms.Any(t => t.StartsWith(s, StringComparison.Ordinal)));
}
