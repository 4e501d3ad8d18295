using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.History;

/// <summary>An account's history.</summary>
public static class HistoryRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<HistoryEndpoints>.For("GetCustomerHistory", "GET", "customers/{id}/history", Access.Reads(Allowed.Admins), (e, s, r) => e.List(s, r))
            with
            {
                Summary = "An account's history, newest first; type, from (inclusive), to (exclusive), paging. Accept: text/csv answers the same page as CSV with the next page's token in the Continuation-Token header",
                ResponseType = typeof(HistoryPage),
                Query = HistoryEndpoints.QueryParameters,
                Csv = true,
            },
    ];
}
