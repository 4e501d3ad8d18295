using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Messages;

/// <summary>A partner-wide message answers at once and reaches hundreds of customers from the queue, in resumable chunks that never deliver twice.</summary>
public sealed class PartnerWideFanOut(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private const int Customers = 300;
    private readonly TestUser op = TestUser.Operator();

    [Fact]
    public async Task AMessageToHundredsOfCustomers_CostsTheRequestABoundedNumberOfStorageRequests_AndTheQueueDeliversItToEach()
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var customers = await SeedMany.PartnerCustomers(f, partner, Customers);
        var reader = TestUser.New("reader");
        await Seed.Member(f, customers[^1], reader, MemberRole.CustomerEmployee);
        var counter = f.Services.GetRequiredService<StorageRequestCounter>();

        // The chunks are held back while the request is measured, so the count is the request's own (plus the pumps' polls).
        f.Faults.FailWhen(point => point == FaultInjection.BeforeFanOutChunk);
        long requests;
        string id;
        try
        {
            var before = counter.Total;
            id = (await f.As(partnerAdmin).Post($"/api/partners/{partner}/messages", new { subject = "New prices", body = "From May.", mode = "allMustRead" })).Is(202).Str("id");
            requests = counter.Total - before;
        }
        finally
        {
            f.Faults.FailWhen(null);
        }
        Assert.InRange(requests, 1, 40);

        await AccountRows.Eventually(async () => await DeliveredCount(id) == Customers, $"all {Customers} customers have the message", TimeSpan.FromMinutes(2));
        await AccountRows.Eventually(async () => await Progress(partner, id) is { Done: true }, "the fan-out is done");
        Assert.Equal(id, Assert.Single((await f.As(reader).Get("/api/me/messages")).Is(200).Json.GetProperty("items").EnumerateArray()).GetProperty("messageId").GetString());
        Assert.Single(await AccountRows.Events(f, customers[0], EventTypes.MessageSent));

        // A chunk run again after a crash before its cursor moved: its customers already have the message, nothing is delivered twice.
        var progress = (await Progress(partner, id))!;
        await f.StorageClients.Index.UpdateEntityAsync(new TableEntity(FanOutProgress.Partition(partner), id) { ["Cursor"] = "", ["Done"] = false }, progress.ETag, TableUpdateMode.Replace);
        await f.Services.GetRequiredService<PartnerMessageFanOut>().HandleChunkAsync(JsonSerializer.Serialize(new FanOutChunk(partner, id, ""), Json.Options), CancellationToken.None);
        await AccountRows.Eventually(async () => await Progress(partner, id) is { Done: true }, "the resumed fan-out is done again");
        Assert.Equal(Customers, await DeliveredCount(id));
        Assert.Single(await AccountRows.Events(f, customers[0], EventTypes.MessageSent));
        Assert.Single(await AccountRows.Events(f, customers[PartnerMessageFanOut.ChunkSize], EventTypes.MessageSent));
        Assert.Single((await f.As(reader).Get("/api/me/messages")).Json.GetProperty("items").EnumerateArray());
    }

    private Task<FanOutState?> Progress(string partner, string id) =>
        f.Services.GetRequiredService<FanOutProgress>().ReadAsync(partner, id, CancellationToken.None);

    /// <summary>How many customer partitions hold the message (a scan: fine for a test, never for the service).</summary>
    private async Task<int> DeliveredCount(string messageId)
    {
        var count = 0;
        await foreach (var _ in f.StorageClients.Accounts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {MessageRow.Prefix + MessageRow.Id(messageId)}"), select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }
}
