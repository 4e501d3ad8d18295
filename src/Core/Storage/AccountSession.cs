using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// One command (or read) on one account partition: what was loaded (profile, the caller's membership, how the caller
/// stands to the account) and what the command will write. <see cref="CommitAsync"/> writes the profile (guarded by its
/// ETag, so concurrent commands serialize), every staged row, the history events, the outbox row and the idempotency
/// record in one entity group transaction.
/// </summary>
public sealed class AccountSession
{
    private const int MaxRowsPerTransaction = 100;
    private readonly AccountStore store;
    private readonly List<TableTransactionAction> actions = [];
    private readonly List<SideEffect> effects = [];
    private readonly List<HistoryEvent> events = [];

    internal AccountSession(AccountStore store, string accountId, ApiRequest? request, Caller caller, Account? account, ETag? etag, Member? callerMember, Relation relation, Member? partnerMember)
    {
        this.store = store;
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
    public DateTimeOffset Now => store.Time.GetUtcNow();

    /// <summary>Ends the request unless the caller stands in one of the allowed relations: 404 when they may not know the account, else 403.</summary>
    public AccountSession Authorize(Relation[] allowed, bool writes)
    {
        if (Relation == Relation.None || Account is null)
        {
            throw new ApiErrorException(ApiError.NotFound("The account"));
        }
        if (!allowed.Contains(Relation))
        {
            throw new ApiErrorException(ApiError.Forbidden("Your role on this account does not allow this."));
        }
        if (writes)
        {
            if (Account.IsDeleted)
            {
                throw new ApiErrorException(ApiError.Conflict("account-deleted", "The account is deleted; it can only be read."));
            }
            if (Relation is Relation.Member or Relation.Admin && !Account.MembersMayWrite)
            {
                throw new ApiErrorException(ApiError.Forbidden($"The account is {JsonNamingPolicy.CamelCase.ConvertName(Account.Status.ToString())}; its members may only read."));
            }
        }
        return this;
    }

    /// <summary>Checks an If-Match header against the profile's ETag (412 when stale).</summary>
    public void CheckIfMatch()
    {
        var ifMatch = Request?.IfMatch;
        if (ifMatch is not null && ifMatch != "*" && ifMatch != ProfileETag?.ToString())
        {
            throw new ApiErrorException(ApiError.PreconditionFailed());
        }
    }

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
        account.Version++;
        var all = new List<TableTransactionAction>(actions.Count + events.Count + 3)
        {
            ProfileETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, AccountRow.ToEntity(account), etag)
                : new TableTransactionAction(TableTransactionActionType.Add, AccountRow.ToEntity(account)),
        };
        all.AddRange(actions);
        all.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e.ToEntity(AccountId))));
        var outboxRows = effects.Count > 0 ? Outbox.Rows(AccountId, store.Ids.New(), effects) : [];
        all.AddRange(outboxRows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        if (Request?.Idempotency is { } idempotency)
        {
            all.Add(new TableTransactionAction(TableTransactionActionType.Add, IdempotencyRecord.ToEntity(AccountId, idempotency, response, Now)));
        }
        if (all.Count > MaxRowsPerTransaction)
        {
            throw new InvalidOperationException($"A command may write at most {MaxRowsPerTransaction} rows in one transaction; this one staged {all.Count}.");
        }
        if (effects.Count > 0)
        {
            await store.Outbox.ScheduleRecoveryAsync(AccountId, CancellationToken.None);
        }
        Response<IReadOnlyList<Response>> result;
        try
        {
            // Not cancellable: once sent, a commit is allowed to finish even if the client went away.
            result = await Table.SubmitTransactionAsync(all, CancellationToken.None);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            account.Version--;
            throw new ConcurrencyConflictException($"Account {AccountId} changed during the command.", e);
        }
        ProfileETag = result.Value[0].Headers.ETag;
        store.Faults.At(FaultInjection.AfterCommit);
        if (effects.Count > 0)
        {
            await store.Outbox.RunAfterCommitAsync(AccountId, outboxRows, effects);
        }
        return response with { ETag = ProfileETag?.ToString() };
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
