using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>GET /api/customers?partnerId=P (first page of 50) by a partner admin of a partner with many customers.</summary>
public sealed class ListCustomers(Scenario s) : Operation(s)
{
    private const string Partner = "big-partner";
    private const string Admin = "big-partner-admin";
    private string token = "";

    public override string Name => $"list a page (partner with {Sizes.PartnerCustomers:N0} customers)";

    public override string RawDescription => "partner profile + caller's partner member row (parallel point reads); one page (50) of the partner listing partition";

    public override async Task SetupAsync()
    {
        await Host.CreateAccountAsync(Partner, null, AccountKind.Partner);
        await Host.AddMemberAsync(Partner, Admin, MemberRole.PartnerAdmin);
        await Seeding.PartnerCustomersAsync(Host.Raw, Partner, Sizes.PartnerCustomers, Host.Time.GetUtcNow());
        token = Host.Token(Admin);
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            var page = await Host.Api.GetAsync($"/api/customers?partnerId={Partner}", token);
            if (!page.Contains("\"continuationToken\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Expected a full page with a continuation token.");
            }
        }));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            await Task.WhenAll(Raw.GetAsync(Raw.Accounts, Partner, Keys.Profile), Raw.GetAsync(Raw.Accounts, Partner, AccountPartition.Members.Key(MemberRow.Id(Admin))));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.PartnerCustomers(Partner)} and Removed eq false") + " and " +
                         TableClient.CreateQueryFilter($"IsTestAccount eq {false}");
            await RawCalls.QueryPageAsync(Raw.Storage.Index, filter, 50);
        }));
}
