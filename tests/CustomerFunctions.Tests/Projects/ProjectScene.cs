using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Projects;

/// <summary>A partner, one of its customers with an admin and an employee, and a foreign partner's admin.</summary>
public sealed record ProjectScene(string Partner, string Customer, TestUser PartnerAdmin, TestUser Admin, TestUser Employee, TestUser Stranger)
{
    public string Projects => $"/api/customers/{Customer}/projects";

    public static async Task<ProjectScene> Build(ServiceFixture f, TestUser op, int projectQuota = 10)
    {
        var s = await TenantScene.Build(f, op, MemberRole.PartnerAdmin, projectQuota);
        return new ProjectScene(s.Partner, s.Customer, s.PartnerStaff, s.Admin, s.Employee, s.Stranger);
    }

    public static Task<List<HistoryEvent>> Events(ServiceFixture f, string accountId, string type) => AccountRows.Events(f, accountId, type);

    public static Task<List<TableEntity>> Rows(ServiceFixture f, string accountId, string prefix) => AccountRows.WithPrefix(f, accountId, prefix);

    /// <summary>Sets the quota directly (the quota route belongs to another feature).</summary>
    public static async Task SetQuota(ServiceFixture f, string accountId, int quota)
    {
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(accountId, null, new Caller("test-seed", null, null, IsOperator: true));
        session.Force(projectQuota: quota);
        await session.CommitAsync(ApiResponse.NoContent());
    }
}
