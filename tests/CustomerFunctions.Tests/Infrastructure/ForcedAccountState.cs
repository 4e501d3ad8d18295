using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>
/// Set-up only: an account in a state no single command reaches (or another feature's), built by rewriting its profile
/// row through the partition map's mapper, since <see cref="Account"/> changes state only through its own methods.
/// </summary>
internal static class ForcedAccountState
{
    public static Account With(this Account account, AccountStatus? status = null, int? projectCount = null, int? projectQuota = null)
    {
        var row = AccountPartition.Profile.ToEntity(account.Id, account);
        Set(row, "Status", status?.ToString());
        Set(row, "ProjectCount", projectCount);
        Set(row, "ProjectQuota", projectQuota);
        return AccountPartition.Profile.FromEntity(row);
    }

    /// <summary>Puts the changed account in the session, so its commit writes it.</summary>
    public static void Force(this AccountSession session, AccountStatus? status = null, int? projectCount = null, int? projectQuota = null) =>
        session.Account = session.Existing.With(status, projectCount, projectQuota);

    private static void Set(TableEntity row, string property, object? value)
    {
        if (value is not null)
        {
            row[property] = value;
        }
    }
}
