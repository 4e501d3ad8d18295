using System.Text.Json;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>The account's state keeps it from becoming a partner now; each case names its own problem type.</summary>
public sealed record CannotBecomePartner(string Type, string Detail) : Conflict(Type, Detail)
{
    /// <summary>Partners have no projects: the customer's projects must go first.</summary>
    public static CannotBecomePartner HasProjects(int count) =>
        new("account-has-projects", $"The account still has {count} project(s); partners have none, so delete them first.");

    /// <summary>The roles change in one transaction with the profile (Azure's limit is 100 operations).</summary>
    public static CannotBecomePartner TooManyMembers(int count) =>
        new("too-many-members", $"The account has {count} members; at most {AccountKindEndpoints.MaxMembers} change their roles in one transaction.");

    /// <summary>Only an active or disabled account changes kind (not one awaiting approval or deletion).</summary>
    public static CannotBecomePartner NotSettled(AccountStatus status) =>
        new("account-not-settled", $"Only an active or disabled account becomes a partner; this one is {JsonNamingPolicy.CamelCase.ConvertName(status.ToString())}.");
}
