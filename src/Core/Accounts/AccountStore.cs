using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Accounts;

/// <summary>Opens <see cref="AccountSession"/>s: point reads of the profile, the caller's membership and any idempotency record, in parallel.</summary>
public sealed class AccountStore(StorageClients storage, Outbox outbox, TimeProvider time, IdGenerator ids, FaultInjection faults, ServiceKeys keys)
{
    internal StorageClients Storage => storage;
    internal Outbox Outbox => outbox;
    internal TimeProvider Time => time;
    internal IdGenerator Ids => ids;
    internal FaultInjection Faults => faults;
    internal ServiceKeys ServiceKeys => keys;

    /// <summary>Opens the session of a route's account; authorization and any idempotent replay are left to the caller as values.</summary>
    /// <param name="allowed">
    /// The relations the route allows, when it declares them: a member of the account who is also a member of its
    /// partner (a partner's "Add myself") acts as its partner where the route allows the partner but not the member.
    /// </param>
    public Task<AccountSession> OpenForRouteAsync(string accountId, ApiRequest request, IReadOnlyList<Relation>? allowed = null) =>
        OpenAsync(accountId, request, request.Caller, throughPartner: true, allowed);

    /// <summary>Opens a session acting as <paramref name="caller"/> (timers and queue handlers pass no request).</summary>
    /// <param name="throughPartner">
    /// False where the caller can only act as themself (accepting an invitation): a non-member's partner membership
    /// is then not read, which saves a round trip.
    /// </param>
    public async Task<AccountSession> OpenAsync(string accountId, ApiRequest? request, Caller caller, bool throughPartner = true, IReadOnlyList<Relation>? allowed = null)
    {
        if (!Keys.IsIdentifier(accountId))
        {
            throw new ApiErrorException(ApiError.NotFound("The account"));
        }
        var cancellationToken = request?.Aborted ?? CancellationToken.None;
        var profileTask = ReadAsync(accountId, AccountPartition.Profile, "", cancellationToken);
        var memberTask = ReadMemberAsync(accountId, caller.UserId, cancellationToken);
        var impersonatorTask = caller.IsImpersonation ? ImpersonatorStandingAsync(caller, cancellationToken) : null;
        var idempotency = request?.Idempotency;
        var idempotencyTask = idempotency is null ? null : storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, idempotency.RowKey, cancellationToken: cancellationToken);
        var profile = await profileTask;
        var member = await memberTask;
        Replayed? replay = null;
        ETag? expiredIdempotency = null;
        if (idempotencyTask is not null)
        {
            var row = await idempotencyTask;
            (replay, expiredIdempotency) = IdempotencyRecord.ReplayOf(row.HasValue ? row.Value : null, idempotency!, time.GetUtcNow(), keys.StorageSealingKeys);
        }

        var account = profile?.Value;
        Member? partnerMember = null;
        Account? partner = null;
        var relation = Relation.None;
        if (caller.IsImpersonation)
        {
            // An impersonation token acts as a customer admin of its one account and is nobody anywhere else.
            relation = caller.ImpersonatedAccountId == accountId ? Relation.Admin : Relation.None;
            if (relation == Relation.Admin && ImpersonationStanding.EndedBecause(caller, account, await impersonatorTask!) is { } ended)
            {
                throw new ApiErrorException(ApiError.Unauthorized(ended));
            }
        }
        else if (caller.IsOperator)
        {
            relation = Relation.Operator;
        }
        else
        {
            relation = member is not null && account is { IsDeleted: false } ? member.IsAdmin ? Relation.Admin : Relation.Member : Relation.None;
            var partnerMayDoMore = allowed is not null && !allowed.Contains(relation) && allowed.Contains(Relation.Partner);
            if ((relation == Relation.None || partnerMayDoMore) && throughPartner && account?.PartnerId is { } partnerId)
            {
                // The partner's standing decides what its members may do: read only while it is disabled, nothing once deleted.
                var partnerTask = ReadAccountAsync(partnerId, cancellationToken);
                partnerMember = await ReadMemberAsync(partnerId, caller.UserId, cancellationToken);
                partner = (await partnerTask)?.Account;
                if (partnerMember is not null && partner is { IsDeleted: false })
                {
                    relation = Relation.Partner;
                }
            }
        }
        return new AccountSession(this, accountId, request, caller, account, profile?.ETag, member, relation, partnerMember)
        {
            Replay = replay,
            ExpiredIdempotencyRecord = expiredIdempotency,
            PartnerIsDisabled = relation == Relation.Partner && partner is { Status: AccountStatus.Disabled },
        };
    }

    /// <summary>One row of any account's partition by kind and key part, with its ETag; null when there is none.</summary>
    public async Task<Stored<T>?> ReadAsync<T>(string accountId, RowKind<T> kind, string id, CancellationToken cancellationToken)
    {
        var row = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, kind.Key(id), cancellationToken: cancellationToken);
        return row.HasValue ? new Stored<T>(kind.FromEntity(row.Value!), row.Value!.RowKey, row.Value!.ETag) : null;
    }

    /// <summary>Every row of a kind in one account's partition (optionally under a longer prefix and filtered further), in key order.</summary>
    public async IAsyncEnumerable<Stored<T>> QueryAsync<T>(
        string accountId, RowKind<T> kind, string within = "", FormattableString? where = null, IEnumerable<string>? select = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = kind.Range(accountId, within);
        if (where is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter(where);
        }
        await foreach (var row in RowsAsync(kind, filter, select, cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Every row of a kind from the first under key part <paramref name="first"/> through the last under <paramref name="last"/>, in key order.</summary>
    public IAsyncEnumerable<Stored<T>> QueryBetweenAsync<T>(string accountId, RowKind<T> kind, string first, string last, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        RowsAsync(kind, kind.Range(accountId, first, last), select, cancellationToken);

    private async IAsyncEnumerable<Stored<T>> RowsAsync<T>(
        RowKind<T> kind, string filter, IEnumerable<string>? select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            yield return new Stored<T>(kind.FromEntity(row), row.RowKey, row.ETag);
        }
    }

    /// <summary>
    /// Deletes rows outside any command, in transactions of at most 100, skipping rows already gone. For the few
    /// commands that must remove more rows than their own transaction holds (they delete the surplus first).
    /// </summary>
    public async Task DeleteNowAsync(string accountId, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(100))
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(accountId, k), ETag.All));
            try
            {
                await storage.Accounts.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Someone removed one of them in between: remove the rest one by one.
                foreach (var rowKey in chunk)
                {
                    try
                    {
                        await storage.Accounts.DeleteEntityAsync(accountId, rowKey, ETag.All, cancellationToken);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }
    }

    /// <summary>
    /// The stored rows of any kind in one account's partition, as they are, a page at a time: for machinery that treats
    /// every kind of the partition map alike (erasure walks it with this).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<TableEntity>> PagesAsync(
        string accountId, IRowKind kind, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in storage.Accounts.QueryAsync<TableEntity>(kind.Range(accountId), pageSize, cancellationToken: cancellationToken).AsPages(pageSizeHint: pageSize))
        {
            yield return page.Values;
        }
    }

    /// <summary>Writes rows of one partition in one transaction (at most 100) outside any command, for the same machinery.</summary>
    public Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        storage.Accounts.SubmitTransactionAsync(actions, cancellationToken);

    public async Task<Member?> ReadMemberAsync(string accountId, string userId, CancellationToken cancellationToken) =>
        (await ReadAsync(accountId, AccountPartition.Members, MemberRow.Id(userId), cancellationToken))?.Value;

    public async Task<(Account Account, ETag ETag)?> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        if (!Keys.IsIdentifier(accountId))
        {
            return null;
        }
        return await ReadAsync(accountId, AccountPartition.Profile, "", cancellationToken) is { } profile ? (profile.Value, profile.ETag) : null;
    }

    /// <summary>
    /// Why an impersonation token no longer works, or null while it does: for routes that name no account (the
    /// account routes re-check it as their session opens, with the profile read they make anyway).
    /// </summary>
    public async Task<string?> ImpersonationEndedAsync(Caller caller, CancellationToken cancellationToken)
    {
        var standing = ImpersonatorStandingAsync(caller, cancellationToken);
        var account = caller.ImpersonatedAccountId is { } accountId ? await ReadAccountAsync(accountId, cancellationToken) : null;
        return ImpersonationStanding.EndedBecause(caller, account?.Account, await standing);
    }

    /// <summary>The partner an impersonation was started through and the impersonator's membership there, read in parallel; null for an operator's token.</summary>
    private async Task<(Account? Account, Member? Issuer)?> ImpersonatorStandingAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.ImpersonationPartnerId is not { } partnerId || !Keys.IsIdentifier(partnerId))
        {
            return null;
        }
        var partnerTask = ReadAccountAsync(partnerId, cancellationToken);
        var issuer = await ReadMemberAsync(partnerId, caller.UserId, cancellationToken);
        return ((await partnerTask)?.Account, issuer);
    }
}
