using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Sweep = CustomerFunctions.Core.Deletion.DeletionSweep;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// One run of the deletion timer's job (<see cref="Sweep.RunAsync"/>, called in-process: a timer has no HTTP route)
/// over many accounts of which a few are due. Before every run (untimed) the next batch of accounts is made due.
/// </summary>
public sealed class DeletionSweep(Scenario s) : Operation(s)
{
    private const string Partner = "sweep-partner";
    private const string PartnerAdmin = "sweep-partner-admin";
    private const string Timer = "timer";
    private int nextAccount;

    public override string Name => $"deletion sweep ({Sizes.SweepAccounts:N0} accounts, {Sizes.DuePerSweep} due)";

    public override string RawDescription =>
        "due-index range query; per due account: profile + member reads, standing-request query, admins query, partner profile read, partner admins query, " +
        "recovery message, transaction (profile, request, event, outbox row), listing sync (5), erasure (profile read, 5 prefix queries, membership sync (4), member delete transaction, history scrub), 2 email messages, due row delete, outbox row delete";

    public override string? Note => "ops/s @16: n/a, the timer runs one sweep at a time";

    public override int Warmup => 1;
    public override int Iterations => 3;
    public override int PerClient => 0;

    /// <summary>Accounts with a request whose grace period has not ended yet: in the index, but outside the sweep's range.</summary>
    private int NotYetDue => Sizes.SweepAccounts / 100;

    private static string AccountId(int i) => $"sw-{i:D6}";

    public override async Task SetupAsync()
    {
        await Host.CreateAccountAsync(Partner, null, AccountKind.Partner);
        await Host.AddMemberAsync(Partner, PartnerAdmin, MemberRole.PartnerAdmin);
        var now = Host.Time.GetUtcNow();
        await Seeding.ParallelAsync(Enumerable.Range(0, Sizes.SweepAccounts), i =>
        {
            var account = Seeding.Customer(AccountId(i), Partner, now.AddDays(-60));
            if (i < NotYetDue)
            {
                account.RequestDeletion(now.AddDays(5 + i % 5), account.UpdatedAt);
            }
            return Raw.Accounts.AddEntityAsync(AccountPartition.Profile.ToEntity(account.Id, account));
        }, degree: 32);
        await Seeding.BatchUpsertAsync(Raw.Storage.Index, Enumerable.Range(0, NotYetDue).Select(i => DueRow(AccountId(i), now.AddDays(5 + i % 5))));
        nextAccount = NotYetDue;
    }

    private static TableEntity DueRow(string accountId, DateTimeOffset dueAt) => new DueDeletionRow().ToEntity(DueDeletions.Partition, new DueDeletion(accountId, dueAt));

    /// <summary>
    /// Makes the next accounts due as a deletion request (issued 10 days ago) leaves them: profile deletionRequested,
    /// a customer admin, the request row, CUSTOMER_CREATED and DELETION_REQUESTED events, listing and membership index
    /// rows, and the due row.
    /// </summary>
    public override async Task BeforeCallAsync()
    {
        var now = Host.Time.GetUtcNow();
        var first = nextAccount;
        nextAccount += Sizes.DuePerSweep;
        if (nextAccount > Sizes.SweepAccounts)
        {
            throw new InvalidOperationException("Not enough seeded accounts for another sweep.");
        }
        await Seeding.ParallelAsync(Enumerable.Range(first, Sizes.DuePerSweep), async i =>
        {
            var id = AccountId(i);
            var (requestedAt, dueAt) = (now.AddDays(-10), now.AddMinutes(-1));
            var created = Seeding.Customer(id, Partner, now.AddDays(-60), version: 2);
            var account = new Account { Id = created.Id, Name = created.Name, PartnerId = Partner, CompanyEmail = created.CompanyEmail, CreatedAt = created.CreatedAt, UpdatedAt = created.UpdatedAt, Version = 2, FirstName = "Ada", LastName = "Admin" };
            account.RequestDeletion(dueAt, account.UpdatedAt);
            var admin = id + "-admin";
            var request = new DeletionRequest { Id = Guid.CreateVersion7().ToString("N"), RequestedAt = requestedAt, RequestedBy = new EventActor(admin), Reason = "bench", DueAt = dueAt };
            await Raw.Accounts.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, AccountPartition.Profile.ToEntity(account.Id, account)),
                new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Members.ToEntity(id, new Member(admin, admin + "@bench.example", "User " + admin, MemberRole.CustomerAdmin, now.AddDays(-60)))),
                new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.DeletionRequests.ToEntity(id, request)),
                new TableTransactionAction(TableTransactionActionType.Add, Seeding.Event(id, EventTypes.CustomerCreated, new { kind = AccountKind.Customer, partnerId = Partner, name = account.Name }, now.AddDays(-60), "bench-operator")),
                new TableTransactionAction(TableTransactionActionType.Add, Seeding.Event(id, EventTypes.DeletionRequested, new { requestId = request.Id, reason = "bench", dueAt }, requestedAt, admin)),
            ]);
            var membership = new TableEntity(IndexTable.UserMemberships(admin), id)
            {
                ["Version"] = 2L,
                ["Removed"] = false,
                ["AccountId"] = id,
                ["AccountName"] = account.Name,
                ["Kind"] = nameof(AccountKind.Customer),
                ["Role"] = nameof(MemberRole.CustomerAdmin),
            };
            foreach (var row in new[] { Seeding.ListingRow(IndexTable.AllAccounts, account), Seeding.ListingRow(IndexTable.PartnerCustomers(Partner), account), membership, DueRow(id, dueAt) })
            {
                await Raw.Storage.Index.UpsertEntityAsync(row, TableUpdateMode.Replace);
            }
        });
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult(Repeat(count, async () =>
        {
            var deleted = await Host.Services.GetRequiredService<Sweep>().RunAsync();
            if (deleted != Sizes.DuePerSweep)
            {
                throw new InvalidOperationException($"The sweep deleted {deleted} accounts, not {Sizes.DuePerSweep}.");
            }
        }));

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) => Task.FromResult(Repeat(count, RawSweepAsync));

    private async Task RawSweepAsync()
    {
        var now = Host.Time.GetUtcNow();
        var dueBy = TableClient.CreateQueryFilter($"PartitionKey eq {DueDeletions.Partition} and RowKey lt {DueDeletionRow.KeyAfter(now)}");
        var due = await RawCalls.QueryAllAsync(Raw.Storage.Index, dueBy, select: ["RowKey", "AccountId"]);
        if (due.Count != Sizes.DuePerSweep)
        {
            throw new InvalidOperationException($"The raw sweep found {due.Count} due rows, not {Sizes.DuePerSweep}.");
        }
        foreach (var row in due)
        {
            await RawDeleteAsync(row.RowKey, row.GetString("AccountId"), now);
        }
    }

    /// <summary>DeletionSweep.SweepAsync + AccountDeletion.StageDeletionAsync + the effects the commit runs, for one due account.</summary>
    private async Task RawDeleteAsync(string dueRowKey, string accountId, DateTimeOffset now)
    {
        var (profile, _) = await Raw.OpenAsync(accountId, Timer);
        var account = AccountPartition.Profile.FromEntity(profile!);
        var requestRow = (await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, DeletionRequestRow.Prefix), 1))[0];
        var request = AccountPartition.DeletionRequests.FromEntity(requestRow).Complete(new EventActor(Timer), now);
        var requestEntity = AccountPartition.DeletionRequests.ToEntity(accountId, request);

        var values = new Dictionary<string, string> { ["deletedAt"] = DeletionNotices.Time(now), ["accountName"] = account.Name, ["accountId"] = accountId };
        var admins = await RawCalls.QueryAllAsync(Raw.Accounts, Prefix(accountId, MemberRow.Prefix) + " and " + TableClient.CreateQueryFilter($"Role eq {nameof(MemberRole.CustomerAdmin)}"));
        await Raw.GetAsync(Raw.Accounts, Partner, Keys.Profile);
        admins.AddRange(await RawCalls.QueryAllAsync(Raw.Accounts, Prefix(Partner, MemberRow.Prefix) + " and " + TableClient.CreateQueryFilter($"Role eq {nameof(MemberRole.PartnerAdmin)}")));
        var emails = admins.Select(AccountPartition.Members.FromEntity).Select(m => new SendEmail(new EmailMessage(
            Guid.CreateVersion7().ToString("N"), DeletionEmails.Deleted, "en", m.Email!, m.Name, new Dictionary<string, string>(values) { ["recipientName"] = m.Name ?? m.Email! })
        { AccountId = accountId })).ToList();

        var dueAt = account.DeletionDueAt!.Value;
        account.MarkDeleted(now);
        var deleted = AccountPartition.Events.ToEntity(accountId, new HistoryEvent(Guid.CreateVersion7().ToString("N"), EventTypes.CustomerDeleted, now, new EventActor(Timer),
            JsonSerializer.SerializeToElement(new { requestId = request.Id, deletedBy = Timer }, Json.Options), [new FieldChange("status", "deletionRequested", "deleted")]));
        List<SideEffect> effects = [new SyncAccountListing(), new EraseAccountData(), .. emails, new UnscheduleDeletion(dueAt)];
        var command = await Raw.CommitAsync(account, profile!.ETag, [new TableTransactionAction(TableTransactionActionType.UpdateReplace, requestEntity, requestRow.ETag)], [deleted], effects);

        await Raw.SyncListingAsync(accountId);
        await RawEraseAsync(accountId);
        foreach (var email in emails)
        {
            await Raw.EnqueueEmailAsync(email.Message);
        }
        await Raw.Storage.Index.DeleteEntityAsync(DueDeletions.Partition, dueRowKey, ETag.All);
        await Raw.DeleteOutboxRowAsync(accountId, command);
    }

    /// <summary>AccountErasure.EraseAsync for an account with one member and no access rows, stored answers, invitations or message acknowledgements.</summary>
    private async Task RawEraseAsync(string accountId)
    {
        await Raw.GetAsync(Raw.Accounts, accountId, Keys.Profile);
        var members = await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, MemberRow.Prefix), 100);
        foreach (var member in members)
        {
            await Raw.SyncMembershipAsync(accountId, member.GetString("UserId"));
        }
        if (members.Count > 0)
        {
            await Raw.Accounts.SubmitTransactionAsync(members.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), r.ETag)));
        }
        await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, ProjectAccessRow.Prefix), 100);
        await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, "idem|"), 100);
        await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, "invitation|"), 100);
        await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, AcknowledgementRow.Prefix), 100);
        var history = await RawCalls.QueryPageAsync(Raw.Accounts, Prefix(accountId, HistoryEventRow.Prefix), 100);
        var scrubs = new List<TableTransactionAction>();
        foreach (var row in history)
        {
            var aboutAUser = (row.GetString("Type") ?? "").StartsWith("USER_", StringComparison.Ordinal);
            var (details, changes) = (row.GetString("Details"), row.GetString("Changes"));
            var (scrubbedDetails, scrubbedChanges) = (PersonalData.Scrub(details, aboutAUser), PersonalData.Scrub(changes, aboutAUser));
            if (scrubbedDetails != details || scrubbedChanges != changes)
            {
                scrubs.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(row.PartitionKey, row.RowKey) { ["Details"] = scrubbedDetails, ["Changes"] = scrubbedChanges }, row.ETag));
            }
        }
        if (scrubs.Count > 0)
        {
            await Raw.Accounts.SubmitTransactionAsync(scrubs);
        }
    }

    private static string Prefix(string accountId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
}
