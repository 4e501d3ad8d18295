using System.Globalization;
using CustomerFunctions.Core.Customers.List;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// The customer list's operations (<c>--only-list</c>): each sort, a search, a filtered page, a combined filter and the
/// counts, for a small and a large partner measured in one run (<c>--list-sizes 200,2000</c>).
/// </summary>
public static class CustomerListCalls
{
    private static readonly bool[] SmallThenLarge = [false, true];

    public static Operation[] For(Scenario scenario, string[] args)
    {
        var sizes = Array.IndexOf(args, "--list-sizes") is var i and >= 0 && i + 1 < args.Length
            ? [.. args[i + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))]
            : new[] { 200, 2_000 };
        var partners = new ListPartners(scenario.Host, sizes[0], sizes[1]);
        var calls = new List<(string Label, string Query, string Raw)>();
        foreach (var sort in ListSort.All)
        {
            calls.Add(($"list, sort={sort.Token}", "/api/customers?partnerId={partner}&sort=" + sort.Token, ListRows.OrderPrefix("live", sort) + " range (51 rows)"));
        }
        calls.Add(("search=k-0001 (100 matches)", "/api/customers?partnerId={partner}&search=k-0001", ListRows.TermPrefix("live", "k-0001") + " range"));
        calls.Add(("filtered, status=disabled", "/api/customers?partnerId={partner}&status=disabled", ListRows.OrderPrefix("live.status.Disabled", ListSort.Default) + " range (51 rows)"));
        calls.Add(("combined, seller+status+stage", "/api/customers?partnerId={partner}&seller=seller%203&status=active,disabled&stage=trialEnd", ListRows.OrderPrefix("live", ListSort.Default) + " range (51 rows)"));
        calls.Add(("counts", "/api/customers/counts?partnerId={partner}", "counts row"));
        // Small and large side by side, so whatever else loads the machine weighs on both alike.
        return [.. calls.SelectMany(c => SmallThenLarge.Select(large => (Operation)new CustomerListCall(scenario, partners, c.Label, c.Query, large, c.Raw)))];
    }
}
