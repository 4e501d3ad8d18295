using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>The account has no room for another project under its quota.</summary>
public sealed record QuotaExceeded(int ProjectCount, int ProjectQuota) : Conflict("quota-exceeded", Describe(ProjectCount, ProjectQuota))
{
    private static string Describe(int count, int quota) => count > quota
        ? $"The project quota was lowered to {quota}, below the {count} projects that exist: delete projects or raise the quota before creating new ones."
        : $"The account has used its whole project quota ({quota}); delete a project or ask the partner to raise the quota.";
}
