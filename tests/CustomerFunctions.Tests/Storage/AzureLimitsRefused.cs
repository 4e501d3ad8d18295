using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Storage;

/// <summary>
/// A real TableClient against Azurite: what Azure refuses is refused with Azure's status and error code before it is sent,
/// and what sits just inside each limit is stored. Where Azurite alone would take the refused request, the raw client shows it.
/// </summary>
public sealed class AzureLimitsRefused(LimitsTable t) : IClassFixture<LimitsTable>
{
    private static readonly string[] ForbiddenKeyChars = ["/", "\\", "#", "?", "\u0000", "\u001F", "\u007F", "\u009F"];

    private static string Row() => Guid.NewGuid().ToString("N");

    private async Task<RequestFailedException> RefusedAsync(int status, string code, Func<Task> act)
    {
        var sent = t.Sent.Count;
        var e = await Assert.ThrowsAnyAsync<RequestFailedException>(act);
        Assert.True((status, code) == (e.Status, e.ErrorCode), e.ToString());
        Assert.Equal(sent, t.Sent.Count);
        return e;
    }

    private async Task StoredAsync(TableEntity entity, TableClient? client = null)
    {
        await (client ?? t.Guarded).UpsertEntityAsync(entity, TableUpdateMode.Replace);
        Assert.True((await t.Raw.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey)).HasValue);
    }

    [Fact]
    public async Task StringOf32768Characters_IsPropertyValueTooLarge_32767AreStored_AzuriteAloneTakesBoth()
    {
        await RefusedAsync(400, "PropertyValueTooLarge", () => t.Guarded.UpsertEntityAsync(new TableEntity("p", Row()) { ["S"] = new string('a', 32_768) }));
        await StoredAsync(new TableEntity("p", Row()) { ["S"] = new string('ä', AzureTableLimits.MaxStringLength) });
        await StoredAsync(new TableEntity("p", Row()) { ["S"] = new string('a', 32_768) }, t.Raw);
    }

    [Fact]
    public async Task BinaryOf64KiB_IsPropertyValueTooLarge_OneByteLessIsStored()
    {
        await RefusedAsync(400, "PropertyValueTooLarge", () => t.Guarded.AddEntityAsync(new TableEntity("p", Row()) { ["B"] = new byte[65_536] }));
        await StoredAsync(new TableEntity("p", Row()) { ["B"] = new byte[65_535] });
    }

    [Fact]
    public async Task EntityOver1MiB_IsEntityTooLarge_ExactlyAtTheLimitIsStored_AzuriteAloneTakesIt()
    {
        await RefusedAsync(400, "EntityTooLarge", () => t.Guarded.UpsertEntityAsync(EntityOfSize(AzureTableLimits.MaxEntityBytes + 2)));
        await StoredAsync(EntityOfSize(AzureTableLimits.MaxEntityBytes));
        await StoredAsync(EntityOfSize(AzureTableLimits.MaxEntityBytes + 2), t.Raw);
    }

    [Fact]
    public async Task MoreThan252CustomProperties_IsTooManyProperties_252AreStored_AzuriteAloneTakes253()
    {
        await RefusedAsync(400, "TooManyProperties", () => t.Guarded.AddEntityAsync(WithProperties(253)));
        await StoredAsync(WithProperties(252));
        await StoredAsync(WithProperties(253), t.Raw);
    }

    [Fact]
    public async Task DateTimeBefore1601_IsOutOfRangeInput_1601_01_01IsStored_AzuriteAloneTakes1600()
    {
        var before = new DateTimeOffset(1600, 12, 31, 23, 59, 59, TimeSpan.Zero);
        await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.UpsertEntityAsync(new TableEntity("p", Row()) { ["At"] = before }));
        await StoredAsync(new TableEntity("p", Row()) { ["At"] = AzureTableLimits.MinDateTime });
        await StoredAsync(new TableEntity("p", Row()) { ["At"] = before }, t.Raw);
    }

    [Fact]
    public async Task ForbiddenKeyCharacters_AreOutOfRangeInput_InEitherKey_TheirNeighboursAreStored()
    {
        foreach (var c in ForbiddenKeyChars)
        {
            await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.AddEntityAsync(new TableEntity("p", "a" + c + "b")));
            await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.AddEntityAsync(new TableEntity("p" + c, Row())));
        }
        foreach (var c in new[] { " ", "%", "|", "'", "\u00A0", "ü", "~" })
        {
            await StoredAsync(new TableEntity("p" + c, "r" + c + Row()));
        }
    }

    [Fact]
    public async Task KeyOver1KiB_IsOutOfRangeInput_512CharactersAreStored()
    {
        await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.AddEntityAsync(new TableEntity("p", new string('k', 513))));
        await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
        await StoredAsync(new TableEntity(new string('q', AzureTableLimits.MaxKeyLength), new string('k', AzureTableLimits.MaxKeyLength)));
    }

    [Fact]
    public async Task BatchOf101Operations_IsInvalidInput_AsATransactionFailure_100AreStored()
    {
        var partition = Row();
        var e = await RefusedAsync(400, "InvalidInput", () => t.Guarded.SubmitTransactionAsync(Adds(partition, 101)));
        Assert.IsType<TableTransactionFailedException>(e);
        Assert.Empty(t.Raw.Query<TableEntity>(x => x.PartitionKey == partition));

        await t.Guarded.SubmitTransactionAsync(Adds(partition, 100));
        Assert.Equal(100, t.Raw.Query<TableEntity>(x => x.PartitionKey == partition).Count());
    }

    [Fact]
    public async Task BatchOverTwoPartitions_IsCommandsInBatchActOnDifferentPartitions_NamingTheOperation_AzuriteAloneTakesIt()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("one", Row())),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("one", Row())),
            new(TableTransactionActionType.Delete, new TableEntity("two", Row()), ETag.All),
        ];
        var e = (TableTransactionFailedException)await RefusedAsync(400, "CommandsInBatchActOnDifferentPartitions", () => t.Guarded.SubmitTransactionAsync(actions));
        Assert.Equal(2, e.FailedTransactionActionIndex);

        var one = Row();
        var two = Row();
        await t.Raw.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("one", one)), new(TableTransactionActionType.Add, new TableEntity("two", two))]);
        Assert.True((await t.Raw.GetEntityIfExistsAsync<TableEntity>("two", two)).HasValue);
    }

    [Fact]
    public async Task SameRowTwiceInABatch_IsInvalidDuplicateRow()
    {
        var row = Row();
        var e = (TableTransactionFailedException)await RefusedAsync(400, "InvalidDuplicateRow", () => t.Guarded.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", row)), new(TableTransactionActionType.Delete, new TableEntity("p", row), ETag.All)]));
        Assert.Equal(1, e.FailedTransactionActionIndex);
    }

    [Fact]
    public async Task AnEntityOverALimitInABatch_FailsTheTransactionAtThatOperation()
    {
        var partition = Row();
        var actions = Adds(partition, 3);
        actions.Add(new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, Row()) { ["S"] = new string('x', 40_000) }));
        var e = (TableTransactionFailedException)await RefusedAsync(400, "PropertyValueTooLarge", () => t.Guarded.SubmitTransactionAsync(actions));
        Assert.Equal(3, e.FailedTransactionActionIndex);

        actions[2] = new(TableTransactionActionType.Add, new TableEntity(partition, "a#b"));
        e = (TableTransactionFailedException)await RefusedAsync(400, "OutOfRangeInput", () => t.Guarded.SubmitTransactionAsync(actions));
        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.Empty(t.Raw.Query<TableEntity>(x => x.PartitionKey == partition));
    }

    [Fact]
    public async Task BatchOver4MiB_IsRequestBodyTooLarge413_JustUnderIsStored()
    {
        var partition = Row();
        await RefusedAsync(413, "RequestBodyTooLarge", () => t.Guarded.SubmitTransactionAsync(Adds(partition, 100, 2, 21_000)));
        // 100 rows of 2 x 20,000 characters: 4.0 MB of values, just under 4 MiB with the multipart framing.
        await t.Guarded.SubmitTransactionAsync(Adds(partition, 100, 2, 20_000));
        Assert.Equal(100, t.Raw.Query<TableEntity>(x => x.PartitionKey == partition, select: ["RowKey"]).Count());
    }

    [Fact]
    public void TheSynchronousApi_IsRefusedTheSameWay()
    {
        var sent = t.Sent.Count;
        var e = Assert.Throws<RequestFailedException>(() => t.Guarded.UpsertEntity(new TableEntity("p", Row()) { ["S"] = new string('a', 40_000) }));
        Assert.Equal((400, "PropertyValueTooLarge"), (e.Status, e.ErrorCode));
        Assert.Equal(sent, t.Sent.Count);
        t.Guarded.UpsertEntity(new TableEntity("p", Row()) { ["S"] = "fits" });
        Assert.Equal(sent + 1, t.Sent.Count);
    }

    private static List<TableTransactionAction> Adds(string partition, int count, int properties = 1, int length = 10)
    {
        return Enumerable.Range(0, count).Select(i =>
        {
            var entity = new TableEntity(partition, $"r{i:D3}");
            for (var p = 0; p < properties; p++)
            {
                entity["P" + p] = new string('v', length);
            }
            return new TableTransactionAction(TableTransactionActionType.Add, entity);
        }).ToList();
    }

    private static TableEntity WithProperties(int count)
    {
        var entity = new TableEntity("p", Row());
        for (var i = 0; i < count; i++)
        {
            entity[$"P{i:D3}"] = i;
        }
        return entity;
    }

    /// <summary>An entity whose size, counted as Azure counts it, is exactly <paramref name="size"/> bytes (an even number).</summary>
    private static TableEntity EntityOfSize(long size)
    {
        var entity = new TableEntity("p", Row());
        var left = size - 4 - 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        for (var i = 0; left > 0; i++)
        {
            // Each property: 8 bytes, its 3-character name, and its string (2 bytes a character plus 4).
            var exact = (left - 18) / 2;
            var length = exact <= 30_000 ? exact : Math.Min(30_000, exact - 20);
            entity[$"S{i:D2}"] = new string('s', (int)length);
            left -= 18 + 2 * length;
        }
        Assert.Equal(0, left);
        return entity;
    }
}
