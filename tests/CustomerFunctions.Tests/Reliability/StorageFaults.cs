using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>Storage requests fail on purpose (before or after storage saw them): every command happens fully or not at all.</summary>
public sealed class StorageFaults(ServiceFixture f) : IClassFixture<ServiceFixture>, IDisposable
{
    private readonly TestUser op = TestUser.Operator();

    public void Dispose()
    {
        f.Faults.FailStorageWhen(null);
        f.Faults.FailWhen(null);
    }

    private static bool IsCommit(string method, Uri uri) => method == "POST" && uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal);

    private static Dictionary<string, string> Key() => new() { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

    [Fact]
    public async Task CommitThatNeverReachesStorage_Is503_AndLeavesNothing_ThenTheRetryCreatesOnce()
    {
        var id = Ids.Account();
        var key = Key();
        f.Faults.FailStorageWhen((method, uri) => IsCommit(method, uri) ? StorageFault.FailBeforeSending : StorageFault.None);
        (await f.As(op).Post("/api/customers", new { id, name = "Never" }, key)).IsProblem(503, "storage-unavailable");
        Assert.Empty(await StorageRows.PartitionAsync(f, id));

        f.Faults.FailStorageWhen(null);
        (await f.As(op).Post("/api/customers", new { id, name = "Never" }, key)).Is(201);
        Assert.Equal(1, StorageRows.Events(await StorageRows.PartitionAsync(f, id), "CUSTOMER_CREATED"));
    }

    [Fact]
    public async Task CommitWhoseAnswerIsLostOnce_StillAnswers201_WithOneEvent()
    {
        var id = Ids.Account();
        var failed = 0;
        f.Faults.FailStorageWhen((method, uri) => IsCommit(method, uri) && Interlocked.Increment(ref failed) == 1 ? StorageFault.FailAfterSending : StorageFault.None);
        // The SDK retries the lost commit; storage refuses the duplicate; the command re-runs and finds its own idempotency record.
        (await f.As(op).Post("/api/customers", new { id, name = "Once" }, Key())).Is(201);
        f.Faults.FailStorageWhen(null);
        var rows = await StorageRows.PartitionAsync(f, id);
        Assert.Single(rows, r => r.RowKey == "profile");
        Assert.Equal(1, StorageRows.Events(rows, "CUSTOMER_CREATED"));
    }

    [Fact]
    public async Task CommitWhoseAnswerIsLostOnce_WithoutAnIdempotencyKey_StillAnswers201_NotIdentifierTaken()
    {
        var id = Ids.Account();
        var failed = 0;
        f.Faults.FailStorageWhen((method, uri) => IsCommit(method, uri) && Interlocked.Increment(ref failed) == 1 ? StorageFault.FailAfterSending : StorageFault.None);
        // The SDK's retry of the lost batch is refused (the profile exists); the profile's commit id shows the batch was this one.
        (await f.As(op).Post("/api/customers", new { id, name = "Once" })).Is(201);
        Assert.True(failed >= 2, "the lost batch was sent again");
        f.Faults.FailStorageWhen(null);
        var rows = await StorageRows.PartitionAsync(f, id);
        Assert.Single(rows, r => r.RowKey == "profile");
        Assert.Equal(1, StorageRows.Events(rows, "CUSTOMER_CREATED"));
    }

    [Fact]
    public async Task MessageWhoseAnswerIsLostOnce_IsSentOnce_AndItsETagIsTheStoredOne()
    {
        var id = await Seed.Customer(f, op);
        var failed = 0;
        f.Faults.FailStorageWhen((method, uri) => IsCommit(method, uri) && Interlocked.Increment(ref failed) == 1 ? StorageFault.FailAfterSending : StorageFault.None);
        // Without the commit id the command would run again after the refused repeat, and the customer would get it twice.
        var sent = (await f.As(op).Post($"/api/customers/{id}/messages", new { subject = "Once", body = "Only once.", mode = "singleRead" })).Is(201);
        f.Faults.FailStorageWhen(null);
        Assert.True(failed >= 2, "the lost batch was sent again");
        Assert.Single((await f.As(op).Get($"/api/customers/{id}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());

        // The recovered commit answers with the stored ETag: a write guarded by it succeeds.
        (await f.As(op).Patch($"/api/customers/{id}", new { name = "Renamed" }, new Dictionary<string, string> { ["If-Match"] = sent.ETag! })).Is(200);
    }

    [Fact]
    public async Task MessageWhoseAnswerIsLost_WhileAnotherCommandCommits_IsStillSentOnce()
    {
        var id = await Seed.Customer(f, op);
        var batches = 0;
        f.Faults.FailStorageWhen((method, uri) =>
        {
            if (!IsCommit(method, uri))
            {
                return StorageFault.None;
            }
            var batch = Interlocked.Increment(ref batches);
            if (batch == 2)
            {
                // Between the lost answer and the SDK's repeat, another command commits: the profile's commit id is no longer this one.
                f.StorageClients.Accounts.UpdateEntity(new Azure.Data.Tables.TableEntity(id, "profile") { ["CommitId"] = "another-command" }, Azure.ETag.All);
            }
            return batch == 1 ? StorageFault.FailAfterSending : StorageFault.None;
        });
        var sent = (await f.As(op).Post($"/api/customers/{id}/messages", new { subject = "Once", body = "Only once.", mode = "singleRead" })).Is(201);
        f.Faults.FailStorageWhen(null);

        Assert.True(batches >= 2, "the lost batch was sent again");
        Assert.Single((await f.As(op).Get($"/api/customers/{id}/messages")).Is(200).Json.GetProperty("items").EnumerateArray());
        // This commit's ETag is unknown now: none is answered, rather than the later one.
        Assert.Null(sent.ETag);
    }

    [Fact]
    public async Task CommitWhoseAnswersAreAllLost_Is503_ButTheRetryWithTheSameKeyReplays_NoDuplicate()
    {
        var id = Ids.Account();
        var key = Key();
        f.Faults.FailStorageWhen((method, uri) => IsCommit(method, uri) ? StorageFault.FailAfterSending : StorageFault.None);
        (await f.As(op).Post("/api/customers", new { id, name = "Lost" }, key)).IsProblem(503, "storage-unavailable");
        Assert.Single(await StorageRows.PartitionAsync(f, id), r => r.RowKey == "profile");
        f.Faults.FailStorageWhen(null);

        var retry = (await f.As(op).Post("/api/customers", new { id, name = "Lost" }, key)).Is(201);
        Assert.Equal(id, retry.Str("id"));
        var rows = await StorageRows.PartitionAsync(f, id);
        Assert.Equal(1, StorageRows.Events(rows, "CUSTOMER_CREATED"));
        Assert.Single(rows, r => r.RowKey == "profile");
    }

    [Fact]
    public async Task IndexWritesFailing_DoNotFailTheCommand_AndTheOutboxConvergesLater()
    {
        var id = Ids.Account();
        f.Faults.FailStorageWhen((_, uri) => uri.AbsolutePath.Contains("AccountIndex", StringComparison.Ordinal) ? StorageFault.FailBeforeSending : StorageFault.None);
        (await f.As(op).Post("/api/customers", new { id, name = "Deferred" })).Is(201);
        Assert.Contains(await StorageRows.PartitionAsync(f, id), r => r.RowKey.StartsWith(Outbox.Prefix, StringComparison.Ordinal));

        f.Faults.FailStorageWhen(null);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listing = await f.StorageClients.Index.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(IndexTable.AllAccounts, id);
            var outboxLeft = (await StorageRows.PartitionAsync(f, id)).Any(r => r.RowKey.StartsWith(Outbox.Prefix, StringComparison.Ordinal));
            if (listing.HasValue && !outboxLeft)
            {
                Assert.Equal("Deferred", listing.Value!.GetString("Name"));
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The outbox recovery did not write the listing row.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task StorageOutage_Answers503WithRetryAfter_AndTheServiceRecoversByItself()
    {
        var id = await Seed.Customer(f, op);
        f.Faults.FailStorageWhen((_, _) => StorageFault.FailBeforeSending);
        var down = (await f.As(op).Get($"/api/customers/{id}")).IsProblem(503);
        Assert.NotNull(down.Headers.RetryAfter);
        (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "During outage" })).IsProblem(503);

        f.Faults.FailStorageWhen(null);
        (await f.As(op).Get($"/api/customers/{id}")).Is(200);
        (await f.As(op).Post("/api/customers", new { id = Ids.Account(), name = "After outage" })).Is(201);
    }

    [Fact]
    public async Task CrashRightAfterCommit_KeepsTheCommand_AndRecoveryFinishesItsEffects()
    {
        var id = Ids.Account();
        f.Faults.FailWhen(point => point == FaultInjection.AfterCommit);
        (await f.As(op).Post("/api/customers", new { id, name = "Crashed" })).IsProblem(500);
        f.Faults.FailWhen(null);

        // The command committed: the account and its event exist, the request just never got to its side effects.
        var rows = await StorageRows.PartitionAsync(f, id);
        Assert.Equal(1, StorageRows.Events(rows, "CUSTOMER_CREATED"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await f.StorageClients.Index.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(IndexTable.AllAccounts, id)).HasValue)
        {
            Assert.True(DateTime.UtcNow < deadline, "Recovery never wrote the listing row.");
            await Task.Delay(200);
        }
    }
}
