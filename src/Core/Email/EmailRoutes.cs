using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Email;

/// <summary>Email operations.</summary>
public static class EmailRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<FailedEmailEndpoints>.For("ListFailedEmails", "GET", "operator/failed-emails", Access.Operators, (e, r) => e.List(r))
            with { Summary = "The oldest emails (up to 32) kept after their last try failed, with template, account, tries and error; never the address or text", ResponseType = typeof(FailedEmailList) },
    ];
}
