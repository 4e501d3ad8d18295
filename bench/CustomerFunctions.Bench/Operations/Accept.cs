using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// POST /api/invitations/accept by a fresh user with a fresh token. Each call's invitation is seeded beforehand as
/// CreateInvitation leaves it (the invitation row and the token-hash pointer in the index).
/// </summary>
public sealed class Accept(Scenario s) : Operation(s)
{
    private readonly AccountPool pool = new(s, "acc");

    public override string Name => "accept invitation";

    public override string RawDescription =>
        "token pointer read; profile, member and invitation reads (parallel); recovery message; transaction (profile, invitation, member, event, outbox row); " +
        "membership sync (profile read, member read, read + add membership row); token pointer delete; outbox row delete";

    public override Task SetupAsync() => pool.CreateAsync();

    public override async Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count)
    {
        var invitations = await SeedAsync(lane, count);
        return [.. invitations.Select(i => (User: i.User, Jwt: Host.Token(i.User), i.Token))
            .Select(i => (Func<Task>)(() => Host.Api.SendAsync(HttpMethod.Post, "/api/invitations/accept", i.Jwt, new { token = i.Token }, 200)))];
    }

    public override async Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count)
    {
        var invitations = await SeedAsync(Sequential, count);
        return [.. invitations.Select(i => (Func<Task>)(() => RawAcceptAsync(i.User, i.Token)))];
    }

    private async Task<List<(string User, string Token)>> SeedAsync(int lane, int count)
    {
        var seeded = Enumerable.Range(0, count).Select(i => (Account: pool.For(lane, i), User: Scenario.NewId("joiner"), Token: IdGenerator.NewToken())).ToList();
        var now = Host.Time.GetUtcNow();
        await Seeding.ParallelAsync(seeded, async x =>
        {
            var hash = IdGenerator.Hash(x.Token);
            var invitation = Invitation.Issue(Guid.CreateVersion7().ToString("N"), x.User + "@bench.example", "User " + x.User, MemberRole.CustomerEmployee,
                new Inviter(x.Account.Admin, "User " + x.Account.Admin), hash, now);
            await Raw.Accounts.AddEntityAsync(AccountPartition.Invitations.ToEntity(x.Account.Id, invitation));
            await Raw.Storage.Index.UpsertEntityAsync(
                new TableEntity(IndexTable.Token(Invitation.TokenPurpose, hash), "") { ["AccountId"] = x.Account.Id, ["TargetRowKey"] = AccountPartition.Invitations.Key(invitation.Id) }, TableUpdateMode.Replace);
        });
        return [.. seeded.Select(x => (x.User, x.Token))];
    }

    private async Task RawAcceptAsync(string user, string token)
    {
        var hash = IdGenerator.Hash(token);
        var pointerKey = IndexTable.Token(Invitation.TokenPurpose, hash);
        var pointer = (await Raw.GetAsync(Raw.Storage.Index, pointerKey, ""))!;
        var accountId = pointer.GetString("AccountId");
        var rowTask = Raw.GetAsync(Raw.Accounts, accountId, pointer.GetString("TargetRowKey"));
        var (profile, _) = await Raw.OpenAsync(accountId, user);
        var account = AccountPartition.Profile.FromEntity(profile!);
        var row = (await rowTask)!;
        var invitation = AccountPartition.Invitations.FromEntity(row);
        var now = Host.Time.GetUtcNow();
        invitation.Accept(user, now);
        var accepted = AccountPartition.Invitations.ToEntity(accountId, invitation);
        var member = AccountPartition.Members.ToEntity(accountId, new Member(user, user + "@bench.example", "User " + user, invitation.Role, now));
        var acceptedEvent = Seeding.Event(accountId, EventTypes.UserAcceptedInvitation, new { invitationId = invitation.Id, userId = user, role = invitation.Role, alreadyMember = false }, now, user);
        var command = await Raw.CommitAsync(
            account, profile!.ETag,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, accepted, row.ETag), new TableTransactionAction(TableTransactionActionType.Add, member)],
            [acceptedEvent], [new SyncMembership(user), new RemoveToken(Invitation.TokenPurpose, hash)]);
        await Raw.SyncMembershipAsync(accountId, user);
        await Raw.Storage.Index.DeleteEntityAsync(pointerKey, "", ETag.All);
        await Raw.DeleteOutboxRowAsync(accountId, command);
    }
}
