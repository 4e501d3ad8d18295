using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Messages;

/// <summary>The sender's list of messages reads newest first, like the history, and rows of the first version are moved to the new keys.</summary>
public sealed class SentMessagesNewestFirst(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private async Task<string> Send(string customer, string subject)
    {
        f.Time.Advance(TimeSpan.FromMinutes(1));
        return (await f.As(op).Post($"/api/customers/{customer}/messages", new { subject, body = "b", mode = "allMustRead" })).Is(201).Str("id");
    }

    private async Task<List<string?>> Subjects(string customer, int pageSize = 50)
    {
        var subjects = new List<string?>();
        string? token = null;
        do
        {
            var query = $"pageSize={pageSize}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = (await f.As(op).Get($"/api/customers/{customer}/messages?{query}")).Is(200).Json;
            subjects.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("subject").GetString()));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return subjects;
    }

    [Fact]
    public async Task TheList_IsNewestFirst_AcrossPages_WithTheirAcknowledgements()
    {
        var customer = await Seed.Customer(f, op);
        var reader = TestUser.New("reader");
        await Seed.Member(f, customer, reader, Core.Members.MemberRole.CustomerEmployee);
        var first = await Send(customer, "first");
        await Send(customer, "second");
        await Send(customer, "third");
        (await f.As(reader).Post($"/api/customers/{customer}/messages/{first}/acknowledgement")).Is(204);

        Assert.Equal(["third", "second", "first"], await Subjects(customer));
        Assert.Equal(["third", "second", "first"], await Subjects(customer, pageSize: 2));
        var listed = (await f.As(op).Get($"/api/customers/{customer}/messages")).Is(200).Json.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(first, listed.GetProperty("id").GetString());
        Assert.Contains(reader.Id, listed.GetRawText(), StringComparison.Ordinal);
        (await f.As(op).Get($"/api/customers/{customer}/messages/{first}")).Is(200);
    }

    [Fact]
    public async Task RowsOfTheFirstVersion_AreMovedAtStart_AndReadByIdAsBefore()
    {
        var settings = f.StorageClients.Settings;
        await AccountRows.Eventually(async () => (await settings.GetEntityIfExistsAsync<TableEntity>("migrations", "message-keys")).HasValue, "the start-up pass finished");
        var customer = await Seed.Customer(f, op);
        var old = await Send(customer, "old");
        await Send(customer, "new");
        // Put the older message back where the first version kept it: message|{id}.
        var accounts = f.StorageClients.Accounts;
        var current = (await accounts.GetEntityAsync<TableEntity>(customer, AccountPartition.Messages.Key(MessageRow.Id(old)))).Value;
        var legacy = new TableEntity(current) { PartitionKey = customer, RowKey = AccountPartition.Messages.Key(old) };
        legacy.Remove("odata.etag");
        legacy.Remove("Timestamp");
        await accounts.AddEntityAsync(legacy);
        await accounts.DeleteEntityAsync(customer, current.RowKey);
        await settings.DeleteEntityAsync("migrations", "message-keys");
        Assert.Equal(["old", "new"], await Subjects(customer));

        await f.StopServerAsync();
        await f.StartServerAsync();

        await AccountRows.Eventually(async () => (await Subjects(customer)).SequenceEqual(["new", "old"]), "the old row is moved to its newest-first key");
        Assert.False((await accounts.GetEntityIfExistsAsync<TableEntity>(customer, AccountPartition.Messages.Key(old))).HasValue);
        Assert.Equal("old", (await f.As(op).Get($"/api/customers/{customer}/messages/{old}")).Is(200).Str("subject"));
        Assert.True((await settings.GetEntityIfExistsAsync<TableEntity>("migrations", "message-keys")).HasValue);
    }
}
