using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Projects;

/// <summary>A partner, one of its customers with an admin and an employee, and a foreign partner's admin.</summary>
public sealed record ProjectScene(string Partner, string Customer, TestUser PartnerAdmin, TestUser Admin, TestUser Employee, TestUser Stranger)
{
    public string Projects => $"/api/customers/{Customer}/projects";

    public static async Task<ProjectScene> Build(ServiceFixture f, TestUser op, int projectQuota = 10)
    {
        var partner = await Seed.Partner(f, op);
        var customer = Ids.Account("cust");
        (await f.As(op).Post("/api/customers", new { id = customer, name = "Customer " + customer, partnerId = partner, projectQuota })).Is(201);
        var foreign = await Seed.Partner(f, op);
        var scene = new ProjectScene(partner, customer, TestUser.New("padmin"), TestUser.New("cadmin"), TestUser.New("cemp"), TestUser.New("stranger"));
        await Seed.Member(f, partner, scene.PartnerAdmin, MemberRole.PartnerAdmin);
        await Seed.Member(f, customer, scene.Admin, MemberRole.CustomerAdmin);
        await Seed.Member(f, customer, scene.Employee, MemberRole.CustomerEmployee);
        await Seed.Member(f, foreign, scene.Stranger, MemberRole.PartnerAdmin);
        return scene;
    }

    public static async Task<List<HistoryEvent>> Events(ServiceFixture f, string accountId, string type)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {HistoryEvent.Prefix} and RowKey lt {Keys.PrefixEnd(HistoryEvent.Prefix)} and Type eq {type}");
        var events = new List<HistoryEvent>();
        await foreach (var row in f.StorageClients.Accounts.QueryAsync<TableEntity>(filter))
        {
            events.Add(HistoryEvent.FromEntity(row));
        }
        return events;
    }

    public static async Task<List<TableEntity>> Rows(ServiceFixture f, string accountId, string prefix)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
        var rows = new List<TableEntity>();
        await foreach (var row in f.StorageClients.Accounts.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Sets the quota directly (the quota route belongs to another feature).</summary>
    public static async Task SetQuota(ServiceFixture f, string accountId, int quota)
    {
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(accountId, null, new Caller("test-seed", null, null, IsOperator: true));
        session.Existing.ProjectQuota = quota;
        await session.CommitAsync(ApiResponse.NoContent());
    }
}
