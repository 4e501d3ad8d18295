using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary>An account's members: list, "add myself", change role, remove.</summary>
public sealed class MemberEndpoints(Paging paging)
{
    /// <summary>Access rows removed in the removal's own transaction; profile, member row, event and outbox use the rest of its 100.</summary>
    private const int AccessRowsInTransaction = 90;

    public async Task<ApiResponse> List(AccountSession session, ApiRequest request)
    {
        var (members, continuationToken) = await session.PageAsync(AccountPartition.Members, paging);
        return ApiResponse.Ok(new MemberList([.. members.Select(MemberView.From)], continuationToken));
    }

    /// <summary>An operator or a member of the managing partner makes themselves an admin of the account.</summary>
    public async Task<Answer<ApiResponse, AlreadyMember, Failure>> AddMyself(AccountSession session, ApiRequest request)
    {
        if (session.CallerMember is not null)
        {
            return new AlreadyMember();
        }
        // The route lets everyone who may read the account in, so its own members hear "already a member" rather than "forbidden".
        if (session.Check(Allowed.Managers, writes: true) is { } refused)
        {
            return refused;
        }
        var account = session.Existing;
        var caller = session.Caller;
        var member = new Member(caller.UserId, caller.Email, caller.Name, Member.AdminRoleFor(account.Kind), session.Now);
        session.Add(AccountPartition.Members, member);
        session.Record(EventTypes.UserAssignedHimself, new { userId = member.UserId, role = member.Role });
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.Created(MemberLocation(account.Id, member.UserId), MemberView.From(member)));
    }

    public async Task<Answer<ApiResponse, Invalid, NotFound, LastAdmin>> ChangeRole(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<ChangeRoleBody>();
        if (body.Role is not { } role)
        {
            return Invalid.Field("role", "Required.");
        }
        var account = session.Existing;
        if (!Member.RoleFits(role, account.Kind))
        {
            return Invalid.Field("role", RolesFor(account.Kind));
        }
        if (await ReadMemberAsync(session, request.RouteValue("userId")) is not { } stored)
        {
            return new NotFound("The member");
        }
        var member = stored.Value;
        if (member.Role == role)
        {
            return ApiResponse.Ok(MemberView.From(member)) with { ETag = session.ProfileETag?.ToString() };
        }
        if (role != Member.AdminRoleFor(account.Kind) && await AdminRule.AnotherAdminRemainsAsync(session, member) is { } lastAdmin)
        {
            return lastAdmin;
        }
        var changed = member.WithRole(role);
        session.Replace(AccountPartition.Members, changed, stored.ETag);
        session.Record(EventTypes.UserRoleChanged, new { userId = member.UserId }, [new FieldChange("role", member.Role, role)]);
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.Ok(MemberView.From(changed)));
    }

    /// <summary>Removes the member and every project access they hold, in the same transaction as the member row.</summary>
    public async Task<Answer<ApiResponse, NotFound, LastAdmin>> Remove(AccountSession session, ApiRequest request)
    {
        if (await ReadMemberAsync(session, request.RouteValue("userId")) is not { } stored)
        {
            return new NotFound("The member");
        }
        var member = stored.Value;
        if (await AdminRule.AnotherAdminRemainsAsync(session, member) is { } lastAdmin)
        {
            return lastAdmin;
        }

        var access = await AccessRowKeysAsync(session, member.UserId);
        if (access.Count > AccessRowsInTransaction)
        {
            // More than one transaction can hold: take away the surplus first. If the command then fails, it is retried
            // and the user only lost access an admin was removing anyway.
            await session.DeleteNowAsync(access[AccessRowsInTransaction..]);
            access = access[..AccessRowsInTransaction];
        }
        session.Delete(AccountPartition.Members, MemberRow.Id(member.UserId), stored.ETag);
        foreach (var rowKey in access)
        {
            session.Delete(rowKey);
        }
        session.Record(EventTypes.UserRemoved, new { userId = member.UserId, email = member.Email, name = member.Name, role = member.Role });
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    internal static string MemberLocation(string accountId, string userId) => $"/api/customers/{accountId}/members/{Uri.EscapeDataString(userId)}";

    private static string RolesFor(AccountKind kind) => kind == AccountKind.Partner
        ? "A partner account's members are partnerAdmin or partnerEmployee."
        : "A customer account's members are customerAdmin or customerEmployee.";

    private static async Task<Stored<Member>?> ReadMemberAsync(AccountSession session, string userId) =>
        Member.IsUserId(userId) ? await session.ReadAsync(AccountPartition.Members, MemberRow.Id(userId)) : null;

    private static async Task<List<string>> AccessRowKeysAsync(AccountSession session, string userId)
    {
        var within = AccountPartition.AccessOfUser(userId);
        var keys = new List<string>();
        var prefix = AccountPartition.ProjectAccess.Key(within);
        await foreach (var access in session.QueryAsync(AccountPartition.ProjectAccess, within, select: ["RowKey"]))
        {
            // User ids may contain '|': "access|a|b|p" belongs to user "a|b", not to user "a" (project ids never hold '|').
            if (!access.RowKey[prefix.Length..].Contains('|', StringComparison.Ordinal))
            {
                keys.Add(access.RowKey);
            }
        }
        return keys;
    }
}
