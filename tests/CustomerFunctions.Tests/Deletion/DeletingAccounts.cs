using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

public sealed class DeletingAccounts(DeletionFixture f) : IClassFixture<DeletionFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task PartnerDeletesWithoutARequest_StatusAndStageDeleted_IdStaysReserved_EventNamesThePartner()
    {
        var cast = await Cast.CreateAsync(f, op);
        var deleted = (await f.As(cast.PartnerAdmin).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);
        Assert.Equal("deleted", deleted.Str("status"));
        Assert.Equal("deleted", deleted.Str("stage"));

        var read = (await f.As(op).Get($"/api/customers/{cast.Customer}")).Is(200);
        Assert.Equal("deleted", read.Str("status"));
        Assert.False(read.Json.TryGetProperty("companyEmail", out _));
        Assert.False(read.Json.TryGetProperty("firstName", out _));
        Assert.False(read.Json.TryGetProperty("lastName", out _));
        (await f.As(op).Post("/api/customers", new { id = cast.Customer, name = "Reuse" })).IsProblem(409, "identifier-taken");

        var e = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
        Assert.Equal(cast.PartnerAdmin.Id, e.Actor.UserId);
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerCreated));
    }

    [Fact]
    public async Task APartnerThatStillManagesCustomers_IsNotDeleted_UntilTheyAre()
    {
        var cast = await Cast.CreateAsync(f, op);
        var path = $"/api/customers/{cast.Partner}?confirm={cast.Partner}";

        (await f.As(op).Delete(path)).IsProblem(409, "partner-has-customers");
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Partner}")).Is(200).Str("status"));
        Assert.Empty(await Partition.Events(f, cast.Partner, EventTypes.CustomerDeleted));

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);
        Assert.Equal("deleted", (await f.As(op).Delete(path)).Is(200).Str("status"));
        Assert.Single(await Partition.Events(f, cast.Partner, EventTypes.CustomerDeleted));
    }

    [Fact]
    public async Task DeletingAStandingRequest_ClosesItAsDeleted()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { reason = "bye" })).Is(201);
        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        var list = (await f.As(op).Get($"/api/customers/{cast.Customer}/deletion-requests")).Is(200);
        var request = Assert.Single(list.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("deleted", request.GetProperty("outcome").GetString());
        Assert.Equal(op.Id, request.GetProperty("closedBy").GetProperty("userId").GetString());
        Assert.Empty(await Partition.DueRows(f, cast.Customer));
    }

    [Fact]
    public async Task MembersLoseAllAccess_TheirRowsAndIndexRowsGo()
    {
        var cast = await Cast.CreateAsync(f, op);
        await f.StorageClients.Accounts.AddEntityAsync(new Azure.Data.Tables.TableEntity(cast.Customer, AccountPartition.ProjectAccess.Key(ProjectAccessRow.Id(cast.Employee.Id, "web"))));
        Assert.Contains(cast.Customer, await Partition.Memberships(f, cast.Employee));

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        Assert.Empty(await Partition.Rows(f, cast.Customer, MemberRow.Prefix));
        Assert.Empty(await Partition.Rows(f, cast.Customer, ProjectAccessRow.Prefix));
        Assert.DoesNotContain(cast.Customer, await Partition.Memberships(f, cast.Employee));
        Assert.DoesNotContain(cast.Customer, await Partition.Memberships(f, cast.CustomerAdmin));
        (await f.As(cast.CustomerAdmin).Get($"/api/customers/{cast.Customer}")).IsProblem(404);
        (await f.As(cast.Employee).Get($"/api/customers/{cast.Customer}")).IsProblem(404);
        (await f.As(cast.CustomerAdmin).Get($"/api/customers/{cast.Customer}/deletion-requests")).IsProblem(404);
        // The partner still sees the account and its history.
        (await f.As(cast.PartnerAdmin).Get($"/api/customers/{cast.Customer}")).Is(200);
    }

    [Fact]
    public async Task InvitationsAreErased_AndTheirTokensForgotten()
    {
        var cast = await Cast.CreateAsync(f, op);
        var rowKey = await Partition.SeedInvitation(f, cast.Customer, "invitee@example.test", "Ivy Invitee");
        var hash = (await Partition.Row(f, cast.Customer, rowKey)).GetString("TokenHash");

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        var invitation = await Partition.Row(f, cast.Customer, rowKey);
        Assert.Equal(PersonalData.Erased, invitation.GetString("Email"));
        Assert.Equal(PersonalData.Erased, invitation.GetString("FullName"));
        Assert.Equal("cancelled", invitation.GetString("State"));
        Assert.Null(invitation.GetString("TokenHash"));
        Assert.Null(await f.Services.GetRequiredService<IndexTable>().ResolveAsync(IndexTable.Token(AccountErasure.InvitationTokenPurpose, hash!), CancellationToken.None));
    }

    [Fact]
    public async Task WhoAcknowledgedAMessage_KeepsTheirIdAndLosesTheirName()
    {
        var cast = await Cast.CreateAsync(f, op);
        var id = (await f.As(cast.PartnerAdmin).Post($"/api/customers/{cast.Customer}/messages", new { subject = "Maintenance", body = "Sunday.", mode = "allMustRead" })).Is(201).Str("id");
        (await f.As(cast.Employee).Post($"/api/customers/{cast.Customer}/messages/{id}/acknowledgement")).Is(204);
        var before = Assert.Single(await Partition.Rows(f, cast.Customer, AcknowledgementRow.Prefix));
        Assert.Equal(cast.Employee.Name, before.GetString("Name"));

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        var after = Assert.Single(await Partition.Rows(f, cast.Customer, AcknowledgementRow.Prefix));
        Assert.Equal(PersonalData.Erased, after.GetString("Name"));
        Assert.Equal(cast.Employee.Id, after.GetString("UserId"));
        // The message stays as a fact; what it said is the account's and goes with it.
        var message = (await Partition.Rows(f, cast.Customer, MessageRow.Prefix)).Single();
        Assert.Equal((PersonalData.Erased, id), (message.GetString("Subject"), message.GetString("MessageId")));
    }

    [Fact]
    public async Task HistoryIsKept_WithPersonalValuesErased()
    {
        var cast = await Cast.CreateAsync(f, op);
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(cast.Customer, null, new Core.Auth.Caller(op.Id, null, null, true));
        session.Record(EventTypes.UserInvited, new { email = "ivy@example.test", fullName = "Ivy Invitee", role = "customerEmployee" });
        session.Record(EventTypes.CustomerUpdated, null, [new FieldChange("companyEmail", "old@example.test", "new@example.test"), new FieldChange("name", "Old Co", "New Co")]);
        await session.CommitAsync(Core.Http.ApiResponse.NoContent());

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        var invited = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.UserInvited));
        Assert.Equal(PersonalData.Erased, Partition.Detail(invited, "email"));
        Assert.Equal(PersonalData.Erased, Partition.Detail(invited, "fullName"));
        Assert.Equal("customerEmployee", Partition.Detail(invited, "role"));
        var updated = Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerUpdated));
        Assert.Equal(PersonalData.Erased, updated.Changes![0].From?.ToString());
        Assert.Equal("Old Co", updated.Changes[1].From?.ToString());
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerCreated));
    }

    [Fact]
    public async Task Deletion_EmailsTheFormerAdminsAndThePartner()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        var toAdmin = Assert.Single(await f.Mail.WaitFor(cast.CustomerAdmin.Email));
        Assert.Contains("deleted", toAdmin.Subject, StringComparison.Ordinal);
        var toPartner = Assert.Single(await f.Mail.WaitFor(cast.PartnerAdmin.Email));
        Assert.Contains(cast.Customer, toPartner.TextBody);
        Assert.Empty(f.Mail.To(cast.Employee.Email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?confirm=other-account")]
    [InlineData("?confirm=")]
    public async Task ConfirmMustRepeatTheId_Else400(string query)
    {
        var cast = await Cast.CreateAsync(f, op);
        var reply = (await f.As(op).Delete($"/api/customers/{cast.Customer}{query}")).IsProblem(400, "validation");
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty("confirm", out _));
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
    }

    [Fact]
    public async Task OnlyOperatorsAndItsPartnerMayDelete()
    {
        var cast = await Cast.CreateAsync(f, op);
        var foreign = TestUser.New("foreign");
        await Seed.Member(f, await Seed.Partner(f, op), foreign, MemberRole.PartnerAdmin);
        var path = $"/api/customers/{cast.Customer}?confirm={cast.Customer}";

        (await f.As(cast.CustomerAdmin).Delete(path)).IsProblem(403);
        (await f.As(cast.Employee).Delete(path)).IsProblem(403);
        (await f.As(foreign).Delete(path)).IsProblem(404);
        (await f.As(op).Delete("/api/customers/no-such-account?confirm=no-such-account")).IsProblem(404);
        Assert.Equal("active", (await f.As(op).Get($"/api/customers/{cast.Customer}")).Str("status"));
    }

    [Fact]
    public async Task ADeletedAccount_CannotBeDeletedOrRequestedOrCancelledAgain()
    {
        var cast = await Cast.CreateAsync(f, op);
        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);
        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).IsProblem(409, "account-deleted");
        (await f.As(op).Post($"/api/customers/{cast.Customer}/deletion-request/cancel", new { note = "n" })).IsProblem(409, "account-deleted");
        (await f.As(cast.CustomerAdmin).Post($"/api/customers/{cast.Customer}/deletion-request", new { })).IsProblem(404);
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
    }

    [Fact]
    public async Task ParallelDeletes_DeleteOnce()
    {
        var cast = await Cast.CreateAsync(f, op);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")));
        Assert.Equal(1, replies.Count(r => r.Status == 200));
        Assert.All(replies.Where(r => r.Status != 200), r => r.IsProblem(409, "account-deleted"));
        Assert.Single(await Partition.Events(f, cast.Customer, EventTypes.CustomerDeleted));
    }

    [Fact]
    public async Task ALargeAccount_WithMoreRowsThanOneTransactionHolds_IsErasedCompletely()
    {
        var cast = await Cast.CreateAsync(f, op);
        var store = f.Services.GetRequiredService<AccountStore>();
        // 230 members and 230 invitations: more than two transactions' worth of each.
        for (var batch = 0; batch < 5; batch++)
        {
            var session = await store.OpenAsync(cast.Customer, null, new Core.Auth.Caller("test-seed", null, null, true));
            for (var i = 0; i < 46; i++)
            {
                var user = $"bulk-{batch}-{i}";
                session.Upsert(AccountPartition.Members, new Member(user, user + "@example.test", "Bulk " + user, MemberRole.CustomerEmployee, session.Now));
                session.Add(new Azure.Data.Tables.TableEntity(cast.Customer, "invitation|" + user) { ["Email"] = user + "@example.test", ["FullName"] = "Bulk", ["State"] = "accepted" });
            }
            await session.CommitAsync(Core.Http.ApiResponse.NoContent());
        }

        (await f.As(op).Delete($"/api/customers/{cast.Customer}?confirm={cast.Customer}")).Is(200);

        Assert.Empty(await Partition.Rows(f, cast.Customer, MemberRow.Prefix));
        var invitations = await Partition.Rows(f, cast.Customer, "invitation|");
        Assert.Equal(230, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(PersonalData.Erased, i.GetString("Email")));
    }
}
