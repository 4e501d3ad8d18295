using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Bench.Operations;

/// <summary>POST /api/customers/{id}/invitations by a customer admin; a fresh address every call.</summary>
public sealed class Invite(Scenario s) : Operation(s)
{
    private readonly AccountPool pool = new(s, "inv");

    public override string Name => "invite";

    public override string RawDescription =>
        "profile + member reads (parallel); pending-invitations query; members query; recovery message; transaction (profile, invitation, event, outbox row); " +
        "token pointer upsert; email message; outbox row delete";

    public override Task SetupAsync() => pool.CreateAsync();

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i =>
        {
            var (id, _, token) = pool.For(lane, i);
            var email = Scenario.NewId("invitee") + "@bench.example";
            return (Func<Task>)(() => Host.Api.SendAsync(HttpMethod.Post, $"/api/customers/{id}/invitations", token, new { email, fullName = "Invited " + email }, 201));
        })]);

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i =>
        {
            var (id, admin, _) = pool.For(Sequential, i);
            var email = Scenario.NewId("raw-invitee") + "@bench.example";
            return (Func<Task>)(() => RawInviteAsync(id, admin, email));
        })]);

    private async Task RawInviteAsync(string accountId, string admin, string email)
    {
        var (profile, _) = await Raw.OpenAsync(accountId, admin);
        var account = AccountPartition.Profile.FromEntity(profile!);
        var now = Host.Time.GetUtcNow();
        var pending = TableClient.CreateQueryFilter(
            $"PartitionKey eq {accountId} and RowKey ge {InvitationRow.Prefix} and RowKey lt {Keys.PrefixEnd(InvitationRow.Prefix)} and State eq {InvitationRow.Pending} and ExpiresAt gt {now}");
        await RawCalls.QueryAllAsync(Raw.Accounts, pending, select: ["Email"]);
        var members = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)}");
        await RawCalls.QueryAllAsync(Raw.Accounts, members, select: ["Email"]);

        var token = IdGenerator.NewToken();
        var hash = IdGenerator.Hash(token);
        var fullName = "Invited " + email;
        var invitation = Invitation.Issue(Guid.CreateVersion7().ToString("N"), email, fullName, MemberRole.CustomerEmployee, new Inviter(admin, "User " + admin), hash, now);
        var mail = Host.Services.GetRequiredService<InvitationMail>().Compose(account, invitation, token);
        var invited = Seeding.Event(accountId, EventTypes.UserInvited, new { invitationId = invitation.Id, email, fullName, role = invitation.Role }, now, admin);
        var command = await Raw.CommitAsync(
            account, profile!.ETag, [new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Invitations.ToEntity(accountId, invitation))], [invited],
            [new IndexToken(Invitation.TokenPurpose, hash, AccountPartition.Invitations.Key(invitation.Id)), mail]);
        await Raw.Storage.Index.UpsertEntityAsync(
            new TableEntity(IndexTable.Token(Invitation.TokenPurpose, hash), "") { ["AccountId"] = accountId, ["TargetRowKey"] = AccountPartition.Invitations.Key(invitation.Id) }, TableUpdateMode.Replace);
        await Raw.EnqueueEmailAsync(mail.Message);
        await Raw.DeleteOutboxRowAsync(accountId, command);
    }
}
