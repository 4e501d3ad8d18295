using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Projects;

namespace CustomerFunctions.Tests.Projects;

/// <summary>The quota rule on its own (no I/O).</summary>
public sealed class QuotaRule
{
    private static Account Account(int quota, int count) => new() { Id = "acme", Name = "Acme", ProjectQuota = quota, ProjectCount = count };

    [Fact]
    public void TakingAPlace_CountsUpToTheQuota_ThenRefuses()
    {
        var account = Account(quota: 2, count: 1);
        ProjectQuota.TakeOne(account);
        Assert.Equal(2, account.ProjectCount);
        var refused = Assert.Throws<ApiErrorException>(() => ProjectQuota.TakeOne(account));
        Assert.Equal((409, "quota-exceeded"), (refused.Error.Status, refused.Error.Type));
        Assert.Equal(2, account.ProjectCount);
    }

    [Fact]
    public void ALoweredQuota_SaysSoInTheDetail()
    {
        var refused = Assert.Throws<ApiErrorException>(() => ProjectQuota.TakeOne(Account(quota: 1, count: 3)));
        Assert.Contains("lowered to 1", refused.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturningAPlace_NeverGoesBelowZero()
    {
        var account = Account(quota: 1, count: 0);
        ProjectQuota.ReturnOne(account);
        Assert.Equal(0, account.ProjectCount);
    }
}
