using System.Security.Cryptography;
using System.Text;

namespace CustomerFunctions.Core.Customers.List;

/// <summary>
/// What the customer list knows of one account to place it: the folded sort values, the filter values and the search
/// terms. Kept (as JSON) in the account's record row, so the next sync knows which rows to move and what to uncount.
/// </summary>
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

    /// <summary><c>live</c> or <c>test</c>: the two halves of every view, so <c>testAccounts</c> picks a range, never filters one.</summary>
    public string Class => ClassOf(IsTestAccount);

    public static string ClassOf(bool isTestAccount) => isTestAccount ? "test" : "live";

    /// <summary>The views the account appears in: all of its class, and its class narrowed by status, by stage, by seller.</summary>
    public IEnumerable<string> Views()
    {
        yield return Class;
        yield return StatusView(Class, Status);
        yield return StageView(Class, Stage);
        if (SellerKey.Length > 0)
        {
            yield return SellerView(Class, SellerKey);
        }
    }

    public static string StatusView(string cls, AccountStatus status) => $"{cls}.status.{status}";
    public static string StageView(string cls, AccountStage stage) => $"{cls}.stage.{stage}";

    /// <summary>A seller can hold any character and be long: its view is named by a hash of its folded form.</summary>
    public static string SellerView(string cls, string sellerKey) =>
        $"{cls}.seller.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sellerKey)))[..16]}";

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
