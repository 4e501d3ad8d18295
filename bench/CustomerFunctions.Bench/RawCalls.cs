using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench;

/// <summary>
/// The storage calls src/Core makes, issued directly with the benchmark's own clients: the building blocks of every
/// raw baseline. Each mirrors one piece of src/Core (named in its summary), request for request.
/// </summary>
public sealed class RawCalls(StorageClients storage)
{
    private static readonly TimeSpan RecoveryDelay = TimeSpan.FromSeconds(30);

    public StorageClients Storage => storage;
    public TableClient Accounts => storage.Accounts;

    /// <summary>AccountStore.OpenAsync: the profile and the caller's member row, read in parallel.</summary>
    public async Task<(TableEntity? Profile, TableEntity? Member)> OpenAsync(string accountId, string userId)
    {
        var profile = storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, Keys.Profile);
        var member = storage.Accounts.GetEntityIfExistsAsync<TableEntity>(accountId, AccountPartition.Members.Key(MemberRow.Id(userId)));
        var (p, m) = (await profile, await member);
        return (p.HasValue ? p.Value : null, m.HasValue ? m.Value : null);
    }

    public async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Reads every page of a query (what an <c>await foreach</c> over QueryAsync does).</summary>
    public static async Task<List<TableEntity>> QueryAllAsync(TableClient table, string filter, int? maxPerPage = null, IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage, select))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>One page of a query (what Paging.QueryAsync reads).</summary>
    public static async Task<List<TableEntity>> QueryPageAsync(TableClient table, string filter, int pageSize, IEnumerable<string>? select = null)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, select).AsPages(null, pageSize))
        {
            return [.. page.Values];
        }
        return [];
    }

    /// <summary>
    /// AccountSession.CommitAsync: the recovery message (when there are effects), then one transaction: the profile
    /// (guarded by its ETag, or added), the staged rows, the events and the outbox row. Returns the command id.
    /// </summary>
    public async Task<string> CommitAsync(Account account, ETag? etag, IEnumerable<TableTransactionAction> staged, IEnumerable<TableEntity> events, IReadOnlyList<SideEffect> effects)
    {
        account.Bump();
        var commandId = Guid.CreateVersion7().ToString("N");
        var all = new List<TableTransactionAction>
        {
            etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, AccountPartition.Profile.ToEntity(account.Id, account), e)
                : new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Profile.ToEntity(account.Id, account)),
        };
        all.AddRange(staged);
        all.AddRange(events.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        if (effects.Count > 0)
        {
            all.AddRange(Outbox.Rows(account.Id, commandId, effects).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            await storage.OutboxQueue.SendMessageAsync(JsonSerializer.Serialize(new { accountId = account.Id }), RecoveryDelay);
        }
        await storage.Accounts.SubmitTransactionAsync(all);
        return commandId;
    }

    /// <summary>Outbox.RunAfterCommitAsync's last step.</summary>
    public Task DeleteOutboxRowAsync(string accountId, string commandId) =>
        storage.Accounts.DeleteEntityAsync(accountId, Outbox.Prefix + commandId, ETag.All);

    /// <summary>IndexTable.WriteAsync: read the row, then add it or replace it (when older) with its ETag.</summary>
    public async Task IndexWriteAsync(string partitionKey, string rowKey, long version, IDictionary<string, object?>? properties)
    {
        var existing = await GetAsync(storage.Index, partitionKey, rowKey);
        if (existing is not null && (existing.GetInt64("Version") ?? -1) >= version)
        {
            return;
        }
        var entity = new TableEntity(partitionKey, rowKey) { ["Version"] = version, ["Removed"] = properties is null };
        foreach (var (key, value) in properties ?? new Dictionary<string, object?>())
        {
            entity[key] = value;
        }
        if (existing is not null)
        {
            await storage.Index.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace);
        }
        else
        {
            await storage.Index.AddEntityAsync(entity);
        }
    }

    /// <summary>AccountListingIndex.SyncAsync: read the profile, write the all-accounts and partner listing rows.</summary>
    public async Task SyncListingAsync(string accountId)
    {
        var account = AccountPartition.Profile.FromEntity((await GetAsync(storage.Accounts, accountId, Keys.Profile))!);
        var properties = AccountRow.Properties(account);
        await IndexWriteAsync(IndexTable.AllAccounts, accountId, account.Version, properties);
        if (account.PartnerId is not null)
        {
            await IndexWriteAsync(IndexTable.PartnerCustomers(account.PartnerId), accountId, account.Version, properties);
        }
    }

    /// <summary>IndexSync.SyncMembershipAsync: read the profile and the member row, write the user's membership row.</summary>
    public async Task SyncMembershipAsync(string accountId, string userId)
    {
        var account = AccountPartition.Profile.FromEntity((await GetAsync(storage.Accounts, accountId, Keys.Profile))!);
        var row = await GetAsync(storage.Accounts, accountId, AccountPartition.Members.Key(MemberRow.Id(userId)));
        Dictionary<string, object?>? properties = null;
        if (row is not null && !account.IsDeleted)
        {
            properties = new() { ["AccountId"] = accountId, ["AccountName"] = account.Name, ["Kind"] = account.Kind.ToString(), ["Role"] = row.GetString("Role") };
        }
        await IndexWriteAsync(IndexTable.UserMemberships(userId), accountId, account.Version, properties);
    }

    /// <summary>EmailQueue.EnqueueAsync.</summary>
    public Task EnqueueEmailAsync(EmailMessage message) =>
        storage.EmailQueue.SendMessageAsync(JsonSerializer.Serialize(message, Json.Options));
}
