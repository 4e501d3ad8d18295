using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Projects;

/// <summary>The quota rule on its own (no I/O).</summary>
public sealed class QuotaRule
{
    private static Account Account(int quota, int count) => new Account { Id = "acme", Name = "Acme" }.With(projectQuota: quota, projectCount: count);

    [Fact]
    public void TakingAPlace_CountsUpToTheQuota_ThenRefuses()
    {
        var account = Account(quota: 2, count: 1);
        Assert.Null(account.TakeProjectSlot());
        Assert.Equal(2, account.ProjectCount);
        var refused = Problems.From(Assert.IsType<QuotaExceeded>(account.TakeProjectSlot()));
        Assert.Equal((409, "quota-exceeded"), (refused.Status, refused.Type));
        Assert.Equal(2, account.ProjectCount);
    }

    [Fact]
    public void ALoweredQuota_SaysSoInTheDetail()
    {
        var refused = Problems.From(Assert.IsType<QuotaExceeded>(Account(quota: 1, count: 3).TakeProjectSlot()));
        Assert.Contains("lowered to 1", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturningAPlace_NeverGoesBelowZero()
    {
        var account = Account(quota: 1, count: 0);
        account.ReturnProjectSlot();
        Assert.Equal(0, account.ProjectCount);
    }
}
