using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Auth;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Products;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>
/// The server with its hosted deletion timer scheduled out of reach (1 January; tests move the clock days, not months)
/// and the outbox recovery delayed past any test, so these tests run the sweep themselves and nothing finishes a
/// deletion behind their back.
/// </summary>
public sealed class DeletionFixture : ServiceFixture
{
    public static readonly TimeSpan RecoveryDelay = TimeSpan.FromMinutes(10);

    protected override IEnumerable<(string Key, string Value)> Settings() =>
        [("Timers:DeletionSweep", "0 0 0 1 1 *"), ("Outbox:RecoveryDelay", RecoveryDelay.ToString())];

    public DeletionSweep Sweep => Services.GetRequiredService<DeletionSweep>();
}

/// <summary>A partner with an admin, and a customer of it with an admin and an employee.</summary>
public sealed record Cast(string Partner, string Customer, TestUser PartnerAdmin, TestUser CustomerAdmin, TestUser Employee)
{
    public static async Task<Cast> CreateAsync(ServiceFixture f, TestUser op)
    {
        var partner = await Seed.Partner(f, op);
        var partnerAdmin = TestUser.New("padmin");
        await Seed.Member(f, partner, partnerAdmin, MemberRole.PartnerAdmin);
        var customer = Ids.Account("cust");
        (await f.As(op).Post("/api/customers", new { id = customer, name = "Customer " + customer, partnerId = partner, firstName = "Carla", lastName = "Contact", companyEmail = "office@" + customer + ".test" })).Is(201);
        var customerAdmin = TestUser.New("cadmin");
        await Seed.Member(f, customer, customerAdmin, MemberRole.CustomerAdmin);
        var employee = TestUser.New("cemp");
        await Seed.Member(f, customer, employee, MemberRole.CustomerEmployee);
        return new Cast(partner, customer, partnerAdmin, customerAdmin, employee);
    }
}

/// <summary>Reads and writes an account partition directly, for set-up the API of other features will cover and for checks the API can't see.</summary>
public static class Partition
{
    public static Task SeedProduct(ServiceFixture f, string accountId, string productId, ProductStatus status) =>
        f.StorageClients.Accounts.UpsertEntityAsync(new TableEntity(accountId, ProductKeys.Product(productId)) { [ProductKeys.Status] = status.ToString() });

    public static async Task<(string? Status, string? Before)> Product(ServiceFixture f, string accountId, string productId)
    {
        var row = (await f.StorageClients.Accounts.GetEntityAsync<TableEntity>(accountId, ProductKeys.Product(productId))).Value;
        return (row.GetString(ProductKeys.Status), row.GetString(ProductKeys.StatusBeforeDeletion));
    }

    /// <summary>A pending invitation row as the invitations feature writes it, with its token pointer in the index.</summary>
    public static async Task<string> SeedInvitation(ServiceFixture f, string accountId, string email, string fullName)
    {
        var rowKey = "invitation|" + Guid.NewGuid().ToString("N");
        var hash = IdGenerator.Hash(IdGenerator.NewToken());
        await f.StorageClients.Accounts.AddEntityAsync(new TableEntity(accountId, rowKey)
        {
            ["Email"] = email,
            ["FullName"] = fullName,
            ["Role"] = nameof(MemberRole.CustomerEmployee),
            ["State"] = "pending",
            ["TokenHash"] = hash,
            ["ExpiresAt"] = f.Time.GetUtcNow().AddDays(7),
        });
        await f.Services.GetRequiredService<IndexTable>().PointAsync(IndexTable.Token(AccountErasure.InvitationTokenPurpose, hash), accountId, rowKey, CancellationToken.None);
        return rowKey;
    }

    public static async Task<TableEntity> Row(ServiceFixture f, string accountId, string rowKey) =>
        (await f.StorageClients.Accounts.GetEntityAsync<TableEntity>(accountId, rowKey)).Value;

    public static Task<List<TableEntity>> Rows(ServiceFixture f, string accountId, string prefix) => AccountRows.WithPrefix(f, accountId, prefix);

    public static Task<List<HistoryEvent>> Events(ServiceFixture f, string accountId, string type) => AccountRows.Events(f, accountId, type);

    /// <summary>The user's live membership index rows (what /api/me reads).</summary>
    public static async Task<List<string>> Memberships(ServiceFixture f, TestUser user)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.UserMemberships(user.Id)} and Removed eq false");
        var accounts = new List<string>();
        await foreach (var row in f.StorageClients.Index.QueryAsync<TableEntity>(filter))
        {
            accounts.Add(row.RowKey);
        }
        return accounts;
    }

    public static async Task<List<string>> DueRows(ServiceFixture f, string accountId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DueDeletions.Partition} and AccountId eq {accountId}");
        var rows = new List<string>();
        await foreach (var row in f.StorageClients.Index.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row.RowKey);
        }
        return rows;
    }

    /// <summary>Changes an account's status directly (the status route belongs to another feature).</summary>
    public static async Task SetStatus(ServiceFixture f, string accountId, AccountStatus status)
    {
        var session = await f.Services.GetRequiredService<AccountStore>().OpenAsync(accountId, null, new Caller("test-seed", null, null, IsOperator: true));
        session.Force(status: status);
        await session.CommitAsync(ApiResponse.NoContent());
    }

    public static string? Detail(HistoryEvent e, string property) =>
        e.Details is { } d && d.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
