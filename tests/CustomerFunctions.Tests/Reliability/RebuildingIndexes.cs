using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>Index partitions are derived data: deleted, they are rebuilt from the account partitions and answer as before.</summary>
public sealed class RebuildingIndexes(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task AfterTheIndexPartitionsAreLost_TheRebuild_MakesListsMembershipsInboxesTokensAndDueDeletionsAnswerAsBefore()
    {
        var partner = await Seed.Partner(f, op);
        var (customer, admin) = await Seed.CustomerWithAdmin(f, op, partner);
        var (leaving, leavingAdmin) = await Seed.CustomerWithAdmin(f, op, partner);
        var user = TestUser.New("member");
        await Seed.Member(f, customer, user, MemberRole.CustomerEmployee);
        (await f.As(op).Post($"/api/customers/{customer}/messages", new { subject = "Hello", body = "x", mode = "allMustRead" })).Is(201);
        (await f.As(leavingAdmin).Post($"/api/customers/{leaving}/deletion-request", new { reason = "Leaving" })).Is(201);
        var invitee = TestUser.New("invitee");
        var (_, token) = await Seed.Invite(f, customer, admin, invitee);

        var listed = await Listed(partner);
        var memberships = await Memberships(user);
        var inbox = await Inbox(user);
        Assert.Equal([customer, leaving], listed.Order());
        Assert.Contains(customer, memberships);
        Assert.Single(inbox);
        Assert.True(await IsDue(leaving));

        var lost = new[]
        {
            IndexTable.AllAccounts, IndexTable.PartnerCustomers(partner), IndexTable.UserMemberships(user.Id), IndexTable.UserMemberships(admin.Id),
            InboxRow.Partition(user.Id), DueDeletions.Partition, IndexTable.Token(Invitation.TokenPurpose, IdGenerator.Hash(token)),
        };
        foreach (var partition in lost)
        {
            await DeletePartition(f.StorageClients.Index, partition);
        }
        var list = f.Services.GetRequiredService<CustomerListIndex>().Table;
        var counts = await Counts(partner);
        foreach (var partition in ListRows.Partitions(null).Append(ListRows.Partition(partner)))
        {
            await DeletePartition(list, partition);
        }
        Assert.Empty(await Listed(partner));
        Assert.Equal(0, (await Counts(partner)).GetProperty("total").GetInt64());
        Assert.Empty(await Memberships(user));
        Assert.Empty(await Inbox(user));
        Assert.False(await IsDue(leaving));

        var rebuilt = new List<string>();
        await f.Services.GetRequiredService<IndexRebuild>().RunAsync("", rebuilt.Add, CancellationToken.None);

        Assert.Contains(customer, rebuilt);
        Assert.Equal(listed.Order(), (await Listed(partner)).Order());
        Assert.Equal(counts.ToString(), (await Counts(partner)).ToString());
        Assert.Equal(memberships.Order(), (await Memberships(user)).Order());
        Assert.Equal(inbox, await Inbox(user));
        Assert.True(await IsDue(leaving));
        Assert.Contains(customer, await Memberships(admin));
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);

        // Resuming after the last account reported rebuilds only what follows it.
        Assert.Equal(0, await f.Services.GetRequiredService<IndexRebuild>().RunAsync(rebuilt.Max(StringComparer.Ordinal)!, null, CancellationToken.None));
    }

    private static async Task DeletePartition(TableClient table, string partition)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]))
        {
            await table.DeleteEntityAsync(partition, row.RowKey, ETag.All);
        }
    }

    private async Task<System.Text.Json.JsonElement> Counts(string partner) => (await f.As(op).Get($"/api/customers/counts?partnerId={partner}")).Is(200).Json;

    private async Task<List<string>> Listed(string partner) =>
        [.. (await f.As(op).Get($"/api/customers?partnerId={partner}")).Is(200).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private async Task<List<string>> Memberships(TestUser user) =>
        [.. (await f.As(user).Get("/api/me")).Is(200).Json.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("customerId").GetString()!)];

    private async Task<List<string>> Inbox(TestUser user) =>
        [.. (await f.As(user).Get("/api/me/messages")).Is(200).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("messageId").GetString()!)];

    private async Task<bool> IsDue(string customer)
    {
        await foreach (var row in f.Services.GetRequiredService<DueDeletions>().DueByAsync(f.Time.GetUtcNow().AddDays(30), CancellationToken.None))
        {
            if (row.Value.AccountId == customer)
            {
                return true;
            }
        }
        return false;
    }
}
