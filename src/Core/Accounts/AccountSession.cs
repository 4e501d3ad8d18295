using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Accounts;

/// <summary>
/// One command (or read) on one account partition: what was loaded (profile, the caller's membership, how the caller
/// stands to the account) and what the command will write. <see cref="CommitAsync"/> writes the profile (guarded by its
/// ETag, so concurrent commands serialize), every staged row, the history events, the outbox row and the idempotency
/// record in one entity group transaction.
/// </summary>
public sealed class AccountSession
{
    private const int MaxRowsPerTransaction = 100;

    /// <summary>A profile column naming the commit that wrote it last, so a commit whose answer was lost can recognize itself.</summary>
    private const string CommitIdColumn = "CommitId";
    private readonly AccountStore store;
    private readonly List<TableTransactionAction> actions = [];
    private readonly List<SideEffect> effects = [];
    private readonly List<HistoryEvent> events = [];

    internal AccountSession(AccountStore store, string accountId, ApiRequest? request, Caller caller, Account? account, ETag? etag, Member? callerMember, Relation relation, Member? partnerMember)
    {
        this.store = store;
        Now = store.Time.GetUtcNow();
        Aborted = request?.Aborted ?? CancellationToken.None;
        AccountId = accountId;
        Request = request;
        Caller = caller;
        Account = account;
        ProfileETag = etag;
        CallerMember = callerMember;
        Relation = relation;
        PartnerMember = partnerMember;
    }

    public string AccountId { get; }
    public ApiRequest? Request { get; }
    public Caller Caller { get; }

    /// <summary>The profile; null when the partition holds no account (yet).</summary>
    public Account? Account { get; set; }

    public Account Existing => Account ?? throw new ApiErrorException(ApiError.NotFound("The account"));
    public ETag? ProfileETag { get; private set; }
    public Member? CallerMember { get; }
    public Member? PartnerMember { get; }
    public Relation Relation { get; }
    public TableClient Table => store.Storage.Accounts;

    /// <summary>The command's one moment: read once when the session opens, so every row it writes agrees on the time.</summary>
    public DateTimeOffset Now { get; }

    public CancellationToken Aborted { get; }

    /// <summary>The caller reaches the account through a partner that is disabled: they may read, nothing more.</summary>
    public bool PartnerIsDisabled { get; internal init; }

    /// <summary>The stored answer when this POST's Idempotency-Key was used before (or the refusal of a reused key).</summary>
    public Replayed? Replay { get; internal set; }

    /// <summary>The ETag of this key's expired record, which the commit replaces (a racing retry then loses and replays).</summary>
    internal ETag? ExpiredIdempotencyRecord { get; init; }

    /// <summary>Whether the caller may do this: null when allowed, else 404 when they may not know the account, 403 for the wrong role, 409 on a deleted account.</summary>
    public Failure? Check(IReadOnlyList<Relation> allowed, bool writes)
    {
        if (Relation == Relation.None || Account is null)
        {
            return new NotFound("The account");
        }
        if (!allowed.Contains(Relation))
        {
            return new Forbidden("Your role on this account does not allow this.");
        }
        if (writes)
        {
            if (Relation == Relation.Partner && PartnerIsDisabled)
            {
                return new Forbidden("The managing partner's account is disabled; its members may only read.");
            }
            if (Account.IsDeleted)
            {
                return new Conflict("account-deleted", "The account is deleted; it can only be read.");
            }
            if (Relation is Relation.Member or Relation.Admin && !Account.MembersMayWrite)
            {
                return new Forbidden($"The account is {JsonNamingPolicy.CamelCase.ConvertName(Account.Status.ToString())}; its members may only read.");
            }
        }
        return null;
    }

    /// <summary>For work outside the dispatcher (tools, test set-up): <see cref="Check"/>, throwing the failure.</summary>
    public AccountSession Authorize(Relation[] allowed, bool writes)
    {
        if (Check(allowed, writes) is { } failure)
        {
            throw new ApiErrorException(Problems.From(failure));
        }
        return this;
    }

    /// <summary>Null when the request's If-Match (if any) names the profile's current ETag.</summary>
    public PreconditionFailed? IfMatchFails()
    {
        var ifMatch = Request?.IfMatch;
        return ifMatch is not null && ifMatch != "*" && ifMatch != ProfileETag?.ToString() ? new PreconditionFailed() : null;
    }

    /// <summary>One row of the partition by its kind and key part, with its ETag; null when there is none.</summary>
    public Task<Stored<T>?> ReadAsync<T>(RowKind<T> kind, string id) => store.ReadAsync(AccountId, kind, id, Aborted);

    /// <summary>Every row of a kind (optionally under a longer prefix, optionally filtered further), in key order.</summary>
    public IAsyncEnumerable<Stored<T>> QueryAsync<T>(RowKind<T> kind, string within = "", FormattableString? where = null, IEnumerable<string>? select = null) =>
        store.QueryAsync(AccountId, kind, within, where, select, Aborted);

    /// <summary>Every row of a kind from the first under key part <paramref name="first"/> through the last under <paramref name="last"/> (the rows of several neighbours in one query).</summary>
    public IAsyncEnumerable<Stored<T>> QueryBetweenAsync<T>(RowKind<T> kind, string first, string last, IEnumerable<string>? select = null) =>
        store.QueryBetweenAsync(AccountId, kind, first, last, select, Aborted);

    /// <summary>Deletes rows of this partition at once, outside the command's transaction (see <see cref="AccountStore.DeleteNowAsync"/>).</summary>
    public Task DeleteNowAsync(IReadOnlyList<string> rowKeys) => store.DeleteNowAsync(AccountId, rowKeys, Aborted);

    /// <summary>One page of a kind (optionally filtered further) for the API, with a signed continuation token bound to the request.</summary>
    public Task<(List<T> Items, string? ContinuationToken)> PageAsync<T>(RowKind<T> kind, Paging paging, string within = "", FormattableString? where = null, params string?[] scope) =>
        QueryPageAsync(kind, kind.Range(AccountId, within) + (where is null ? "" : " and " + TableClient.CreateQueryFilter(where)), paging, scope);

    /// <summary>One page of the rows of a kind whose key part lies in [<paramref name="from"/>, <paramref name="to"/>) (null: open), optionally filtered further.</summary>
    public Task<(List<T> Items, string? ContinuationToken)> PageBetweenAsync<T>(RowKind<T> kind, Paging paging, string? from, string? to, FormattableString? where, params string?[] scope) =>
        QueryPageAsync(kind, kind.Between(AccountId, from, to) + (where is null ? "" : " and " + TableClient.CreateQueryFilter(where)), paging, scope);

    private async Task<(List<T> Items, string? ContinuationToken)> QueryPageAsync<T>(RowKind<T> kind, string filter, Paging paging, string?[] scope)
    {
        var request = Request ?? throw new InvalidOperationException("Paging needs a request.");
        var (rows, token) = await paging.QueryAsync(Table, filter, request, Paging.Scope(request, scope));
        return ([.. rows.Select(kind.FromEntity)], token);
    }

    public void Add<T>(RowKind<T> kind, T value) => Add(kind.ToEntity(AccountId, value));

    /// <summary>Replaces a row read earlier; the commit fails (and the command is retried) when it changed since.</summary>
    public void Replace<T>(RowKind<T> kind, T value, ETag etag)
    {
        var entity = kind.ToEntity(AccountId, value);
        entity.ETag = etag;
        Replace(entity);
    }

    public void Upsert<T>(RowKind<T> kind, T value) => Upsert(kind.ToEntity(AccountId, value));

    public void Delete<T>(RowKind<T> kind, string id, ETag? etag = null) => Delete(kind.Key(id), etag);

    public void Add(TableEntity entity) => actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Own(entity)));
    public void Replace(TableEntity entity) => actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, Own(entity), entity.ETag == default ? ETag.All : entity.ETag));
    public void Upsert(TableEntity entity) => actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Own(entity)));
    public void Delete(string rowKey, ETag? etag = null) => actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(AccountId, rowKey), etag ?? ETag.All));

    public void Effect(SideEffect effect) => effects.Add(effect);

    /// <summary>Records a history event; it commits with the change or not at all.</summary>
    public HistoryEvent Record(string type, object? details = null, IReadOnlyList<FieldChange>? changes = null)
    {
        var actor = new EventActor(Caller.UserId, Caller.ImpersonatedBy);
        var element = details is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(details, details.GetType(), Json.Options);
        var entry = new HistoryEvent(store.Ids.New(), type, Now, actor, element, changes is { Count: > 0 } ? changes : null);
        events.Add(entry);
        return entry;
    }

    /// <summary>Commits everything staged in one transaction, then runs the side effects. Returns the response with the new profile ETag.</summary>
    public async Task<ApiResponse> CommitAsync(ApiResponse response)
    {
        var account = Existing;
        account.Bump();
        var commitId = store.Ids.New();
        var profile = AccountPartition.Profile.ToEntity(AccountId, account);
        profile[CommitIdColumn] = commitId;
        var all = new List<TableTransactionAction>(actions.Count + events.Count + 3)
        {
            ProfileETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, profile, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, profile),
        };
        all.AddRange(actions);
        all.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Events.ToEntity(AccountId, e))));
        var outboxRows = effects.Count > 0 ? Outbox.Rows(AccountId, store.Ids.New(), effects, Now) : [];
        all.AddRange(outboxRows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        if (Request?.Idempotency is { } idempotency)
        {
            var record = IdempotencyRecord.ToEntity(AccountId, idempotency, response, Now, store.ServiceKeys.StorageSealingKeys);
            all.Add(ExpiredIdempotencyRecord is { } expired
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, expired)
                : new TableTransactionAction(TableTransactionActionType.Add, record));
        }
        if (all.Count > MaxRowsPerTransaction)
        {
            throw new InvalidOperationException($"A command may write at most {MaxRowsPerTransaction} rows in one transaction; this one staged {all.Count}.");
        }
        if (effects.Count > 0)
        {
            await store.Outbox.ScheduleRecoveryAsync(AccountId, CancellationToken.None);
        }
        try
        {
            // Not cancellable: once sent, a commit is allowed to finish even if the client went away.
            var result = await Table.SubmitTransactionAsync(all, CancellationToken.None);
            ProfileETag = result.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // The SDK retries a transaction whose answer was lost, and storage refuses the repeat of what it already
            // did: the commit id, or this commit's own history event, tells whether the refused batch was this very one.
            var (landed, landedETag) = await OwnCommitAsync(commitId);
            if (!landed)
            {
                account.Unbump();
                throw new ConcurrencyConflictException($"Account {AccountId} changed during the command.", e);
            }
            ProfileETag = landedETag;
        }
        store.Faults.At(FaultInjection.AfterCommit);
        if (effects.Count > 0)
        {
            await store.Outbox.RunAfterCommitAsync(AccountId, outboxRows, effects);
        }
        return response with { ETag = ProfileETag?.ToString() };
    }

    /// <summary>
    /// Whether the refused batch was this commit. While the profile still carries <paramref name="commitId"/>, yes, with
    /// its ETag. When another command committed since, the profile no longer says, but a history event only this batch
    /// added does (a transaction is all or nothing); the ETag of this commit is then unknown, and none is answered, so
    /// the client reads before a guarded write rather than overwriting the later change.
    /// </summary>
    private async Task<(bool Landed, ETag? ETag)> OwnCommitAsync(string commitId)
    {
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(AccountId, AccountRow.Key, [CommitIdColumn], CancellationToken.None);
        if (stored.HasValue && stored.Value!.GetString(CommitIdColumn) == commitId)
        {
            return (true, stored.Value.ETag);
        }
        if (stored.HasValue && events.Count > 0)
        {
            var ownEvent = AccountPartition.Events.ToEntity(AccountId, events[0]);
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(AccountId, ownEvent.RowKey, [CommitIdColumn], CancellationToken.None);
            return (found.HasValue, null);
        }
        return (false, null);
    }

    private TableEntity Own(TableEntity entity)
    {
        if (entity.PartitionKey != AccountId)
        {
            throw new InvalidOperationException($"Row {entity.RowKey} belongs to {entity.PartitionKey}, not to {AccountId}.");
        }
        return entity;
    }
}
