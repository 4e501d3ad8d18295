using System.Collections.Concurrent;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>
/// 16 concurrent clients mix the operations of the API for a fixed number of requests against a few shared accounts;
/// afterwards every invariant is checked: quotas and counts, memberships against index rows, history against state.
/// </summary>
public sealed class MixedLoad(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private const int Clients = 16;
    private const int RequestsPerClient = 30;

    [Fact]
    public async Task SixteenClientsMixingOperations_LeaveEveryInvariantIntact()
    {
        var op = TestUser.Operator();
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("loadpa");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var pa = f.As(partnerAdmin);
        var customers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = Ids.Account("load");
            (await pa.Post("/api/customers", new { id, name = "Load " + i, projectQuota = 4 })).Is(201);
            (await pa.Post($"/api/customers/{id}/members/me")).Is(201);
            customers.Add(id);
        }
        var statuses = new ConcurrentBag<(string Operation, int Status, string Body)>();
        var invitees = new ConcurrentQueue<(string Account, TestUser User, string InvitationId)>();

        async Task Client(int n)
        {
            var random = new Random(1000 + n);
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var account = customers[random.Next(customers.Count)];
                var project = "proj-" + random.Next(6);
                var choice = random.Next(12);
                (string Name, Task<Reply> Call) operation = choice switch
                {
                    0 => ("createProject", pa.Post($"/api/customers/{account}/projects", new { id = project, name = "P" })),
                    1 => ("deleteProject", pa.Delete($"/api/customers/{account}/projects/{project}")),
                    2 => ("setQuota", pa.Put($"/api/customers/{account}/quota", new { projects = random.Next(2, 6) })),
                    3 => ("rename", pa.Patch($"/api/customers/{account}", new { name = $"Load {n}-{i}" })),
                    4 => ("invite", InviteAsync(account)),
                    5 => ("accept", AcceptAsync()),
                    6 => ("removeMember", RemoveSomeoneAsync(account, random)),
                    7 => ("changeRole", ChangeSomeRoleAsync(account, random)),
                    8 => ("grant", GrantAsync(account, project, random)),
                    9 => ("usage", pa.Post($"/api/customers/{account}/usage", new { records = new[] { new { id = $"r{n}-{i % 5}", projectId = project, product = "cdn", metric = "traffic", quantity = 1.0, unit = "GB", from = "2026-11-01T00:00:00Z", to = "2026-11-01T01:00:00Z" } } })),
                    10 => ("message", pa.Post($"/api/customers/{account}/messages", new { subject = "S", body = "B", mode = "singleRead" })),
                    _ => ("read", pa.Get($"/api/customers/{account}")),
                };
                var reply = await operation.Call;
                statuses.Add((operation.Name, reply.Status, reply.Text));
            }
        }

        async Task<Reply> InviteAsync(string account)
        {
            var user = TestUser.New("invitee");
            var reply = await pa.Post($"/api/customers/{account}/invitations", new { email = user.Email, fullName = user.Name });
            if (reply.Status == 201)
            {
                invitees.Enqueue((account, user, reply.Str("id")));
            }
            return reply;
        }

        async Task<Reply> AcceptAsync()
        {
            if (!invitees.TryDequeue(out var invited))
            {
                return await pa.Get("/api/me");
            }
            var token = await Seed.CurrentToken(f, invited.Account, invited.InvitationId, invited.User.Email);
            return await f.As(invited.User).Post("/api/invitations/accept", new { token });
        }

        async Task<Reply> RemoveSomeoneAsync(string account, Random random)
        {
            var members = (await pa.Get($"/api/customers/{account}/members?pageSize=200")).Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!).ToList();
            return await pa.Delete($"/api/customers/{account}/members/{members[random.Next(members.Count)]}");
        }

        async Task<Reply> ChangeSomeRoleAsync(string account, Random random)
        {
            var members = (await pa.Get($"/api/customers/{account}/members?pageSize=200")).Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!).ToList();
            return await pa.Put($"/api/customers/{account}/members/{members[random.Next(members.Count)]}/role", new { role = random.Next(2) == 0 ? "customerAdmin" : "customerEmployee" });
        }

        async Task<Reply> GrantAsync(string account, string project, Random random)
        {
            var members = (await pa.Get($"/api/customers/{account}/members?pageSize=200")).Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!).ToList();
            return await pa.Put($"/api/customers/{account}/projects/{project}/members/{members[random.Next(members.Count)]}");
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(Client));

        Assert.Empty(statuses.Where(s => s.Status >= 500).Select(s => $"{s.Operation}: {s.Status} {s.Body}"));
        Assert.Equal(Clients * RequestsPerClient, statuses.Count);
        Assert.Contains(statuses, s => s.Operation == "createProject" && s.Status == 201);

        // Side effects settle (index rows, inboxes): no outbox rows may remain.
        await AccountRows.Eventually(async () =>
        {
            foreach (var account in customers)
            {
                if ((await AccountRows.Outbox(f, account)).Count > 0)
                {
                    return false;
                }
            }
            return true;
        }, "every outbox row is carried out", TimeSpan.FromSeconds(60));

        foreach (var account in customers)
        {
            var profile = (await f.As(op).Get($"/api/customers/{account}")).Is(200).Json;
            var events = await AccountRows.Events(f, account);
            int Count(string type) => events.Count(e => e.Type == type);

            // Projects: the count on the profile, the rows and the history agree.
            var projects = await AccountRows.WithPrefix(f, account, ProjectKeys.ProjectPrefix);
            Assert.Equal(projects.Count, profile.GetProperty("projectCount").GetInt32());
            Assert.Equal(projects.Count, Count(EventTypes.ProjectCreated) - Count(EventTypes.ProjectDeleted));

            // Members: rows, history and the membership index agree, and an admin is always left.
            var members = (await AccountRows.WithPrefix(f, account, MemberRow.Prefix)).Select(AccountPartition.Members.FromEntity).ToList();
            Assert.Equal(members.Count, Count(EventTypes.UserAssignedHimself) + Count(EventTypes.UserAcceptedInvitation) - Count(EventTypes.UserRemoved));
            Assert.Contains(members, m => m.IsAdmin);
            foreach (var member in members)
            {
                var indexRow = await f.StorageClients.Index.GetEntityAsync<TableEntity>(IndexTable.UserMemberships(member.UserId), account);
                Assert.False(indexRow.Value.GetBoolean("Removed"));
                Assert.Equal(member.Role.ToString(), indexRow.Value.GetString("Role"));
            }
            // Access rows belong to current members and existing projects only.
            var memberIds = members.Select(m => m.UserId).ToHashSet();
            var projectIds = projects.Select(p => p.RowKey[ProjectKeys.ProjectPrefix.Length..]).ToHashSet();
            foreach (var access in await AccountRows.WithPrefix(f, account, ProjectKeys.AccessPrefix))
            {
                Assert.Contains(access.RowKey.Split('|')[2], projectIds);
                Assert.Contains(memberIds, id => access.RowKey.StartsWith(ProjectKeys.AccessPrefixFor(id), StringComparison.Ordinal));
            }

            // The listing copy in the index matches the profile.
            var listing = await f.StorageClients.Index.GetEntityAsync<TableEntity>(IndexTable.PartnerCustomers(partner), account);
            Assert.Equal(profile.GetProperty("name").GetString(), listing.Value.GetString("Name"));
            Assert.Equal(profile.GetProperty("projectQuota").GetInt32(), listing.Value.GetInt32("ProjectQuota"));
        }
    }
}
