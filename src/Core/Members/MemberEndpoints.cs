using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary>An account's members: list, "add myself", change role, remove.</summary>
public sealed class MemberEndpoints(AccountStore accounts, Paging paging)
{
    /// <summary>Access rows removed in the removal's own transaction; profile, member row, event and outbox use the rest of its 100.</summary>
    private const int AccessRowsInTransaction = 90;

    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {Member.Prefix} and RowKey lt {Keys.PrefixEnd(Member.Prefix)}");
        var (rows, continuationToken) = await paging.QueryAsync(session.Table, filter, request, Paging.Scope(request));
        return ApiResponse.Ok(new MemberList([.. rows.Select(r => MemberView.From(Member.FromEntity(r)))], continuationToken));
    }

    /// <summary>An operator or a member of the managing partner makes themselves an admin of the account.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> AddMyself(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        if (session.CallerMember is not null)
        {
            throw new ApiErrorException(ApiError.Conflict("already-member", "You are already a member of this account; an admin can change your role."));
        }
        session.Authorize(Allowed.Managers, writes: true);
        var account = session.Existing;
        var caller = session.Caller;
        var member = new Member(caller.UserId, caller.Email, caller.Name, Member.AdminRoleFor(account.Kind), session.Now);
        session.Add(member.ToEntity(account.Id));
        session.Record(EventTypes.UserAssignedHimself, new { userId = member.UserId, role = member.Role });
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.Created(MemberLocation(account.Id, member.UserId), MemberView.From(member)));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> ChangeRole(ApiRequest request)
    {
        var body = request.ReadBody<ChangeRoleBody>();
        if (body.Role is not { } role)
        {
            throw new ApiErrorException(ApiError.Validation("role", "Required."));
        }
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var account = session.Existing;
        if (!Member.RoleFits(role, account.Kind))
        {
            throw new ApiErrorException(ApiError.Validation("role", RolesFor(account.Kind)));
        }
        var (member, etag) = await ReadMemberAsync(session, request.RouteValue("userId"), request.Aborted);
        if (member.Role == role)
        {
            return ApiResponse.Ok(MemberView.From(member)) with { ETag = session.ProfileETag?.ToString() };
        }
        if (role != Member.AdminRoleFor(account.Kind))
        {
            await AdminRule.EnsureAnotherAdminRemainsAsync(session, member, request.Aborted);
        }
        var changed = member.WithRole(role);
        var entity = changed.ToEntity(account.Id);
        entity.ETag = etag;
        session.Replace(entity);
        session.Record(EventTypes.UserRoleChanged, new { userId = member.UserId }, [new FieldChange("role", member.Role, role)]);
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.Ok(MemberView.From(changed)));
    }

    /// <summary>Removes the member and every project access they hold, in the same transaction as the member row.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Remove(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var (member, etag) = await ReadMemberAsync(session, request.RouteValue("userId"), request.Aborted);
        await AdminRule.EnsureAnotherAdminRemainsAsync(session, member, request.Aborted);

        var access = await AccessRowKeysAsync(session, member.UserId, request.Aborted);
        if (access.Count > AccessRowsInTransaction)
        {
            // More than one transaction can hold: take away the surplus first. If the command then fails, it is retried
            // and the user only lost access an admin was removing anyway.
            await DeleteInBatchesAsync(session, access[AccessRowsInTransaction..], request.Aborted);
            access = access[..AccessRowsInTransaction];
        }
        session.Delete(Member.RowKey(member.UserId), etag);
        foreach (var rowKey in access)
        {
            session.Delete(rowKey);
        }
        session.Record(EventTypes.UserRemoved, new { userId = member.UserId, email = member.Email, name = member.Name, role = member.Role });
        session.Effect(new SyncMembership(member.UserId));
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    internal static string MemberLocation(string accountId, string userId) => $"/api/customers/{accountId}/members/{Uri.EscapeDataString(userId)}";

    private static string RolesFor(Customers.AccountKind kind) => kind == Customers.AccountKind.Partner
        ? "A partner account's members are partnerAdmin or partnerEmployee."
        : "A customer account's members are customerAdmin or customerEmployee.";

    private static async Task<(Member Member, ETag ETag)> ReadMemberAsync(AccountSession session, string userId, CancellationToken cancellationToken)
    {
        if (Member.IsUserId(userId))
        {
            var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, Member.RowKey(userId), cancellationToken: cancellationToken);
            if (row.HasValue)
            {
                return (Member.FromEntity(row.Value!), row.Value!.ETag);
            }
        }
        throw new ApiErrorException(ApiError.NotFound("The member"));
    }

    private static async Task<List<string>> AccessRowKeysAsync(AccountSession session, string userId, CancellationToken cancellationToken)
    {
        var prefix = ProjectKeys.AccessPrefixFor(userId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
        var keys = new List<string>();
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            // User ids may contain '|': "access|a|b|p" belongs to user "a|b", not to user "a" (project ids never hold '|').
            if (!row.RowKey[prefix.Length..].Contains('|', StringComparison.Ordinal))
            {
                keys.Add(row.RowKey);
            }
        }
        return keys;
    }

    private static async Task DeleteInBatchesAsync(AccountSession session, List<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(100))
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(session.AccountId, k), ETag.All));
            try
            {
                await session.Table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Someone removed one of them in between (a project was deleted): remove the rest one by one.
                foreach (var rowKey in chunk)
                {
                    await DeleteIfExistsAsync(session, rowKey, cancellationToken);
                }
            }
        }
    }

    private static async Task DeleteIfExistsAsync(AccountSession session, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await session.Table.DeleteEntityAsync(session.AccountId, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
