using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Projects;

/// <summary>The project quota rule: <c>projectCount</c> never passes <c>projectQuota</c>.</summary>
public static class ProjectQuota
{
    /// <summary>Counts one more project, or ends the request with a 409 when the quota has no room left.</summary>
    public static void TakeOne(Account account)
    {
        if (account.ProjectCount < account.ProjectQuota)
        {
            account.ProjectCount++;
            return;
        }
        var detail = account.ProjectCount > account.ProjectQuota
            ? $"The project quota was lowered to {account.ProjectQuota}, below the {account.ProjectCount} projects that exist: delete projects or raise the quota before creating new ones."
            : $"The account has used its whole project quota ({account.ProjectQuota}); delete a project or ask the partner to raise the quota.";
        throw new ApiErrorException(ApiError.Conflict("quota-exceeded", detail));
    }

    /// <summary>Gives a deleted project's place back.</summary>
    public static void ReturnOne(Account account) => account.ProjectCount = Math.Max(0, account.ProjectCount - 1);
}
