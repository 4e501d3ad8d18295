using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Customers.List;
using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Bench.Operations;

/// <summary>
/// A partner with <paramref name="customers"/> customers in the customer list, seeded once for every list operation of
/// that size: the rows a sync of each customer writes (<see cref="CustomerListIndex.RowsOfNewPartition"/>), upserted in
/// transactions of 100, into the partner's partition only (the operator's <c>all</c> partition is not read here).
/// Names, sellers, stages, statuses, creation times and test accounts vary so that every sort and filter has work.
/// </summary>
public sealed class ListPartner(Scenario s, int customers)
{
    private Task? seeded;

    public string Id { get; } = $"list-partner-{customers}";
    public string Admin => Id + "-admin";
    public int Customers => customers;

    public Task SeedAsync() => seeded ??= SeedOnceAsync();

    private async Task SeedOnceAsync()
    {
        await s.Host.CreateAccountAsync(Id, null, AccountKind.Partner);
        await s.Host.AddMemberAsync(Id, Admin, MemberRole.PartnerAdmin);
        var now = s.Host.Time.GetUtcNow();
        string[] words = ["Alpine", "Bäckerei", "Corp", "Delta", "Échelle", "Forge", "Garage", "Haus", "Iris", "Juno"];
        var accounts = Enumerable.Range(0, customers).Select(i => new Account
        {
            Id = $"{Id}-c{i:D6}",
            Name = $"{words[i % 10]} {words[i / 10 % 10]} {i}",
            PartnerId = Id,
            CompanyEmail = $"office{i}@example.com",
            CustomId = $"K-{i:D6}",
            Seller = $"Seller {i % 7}",
            Language = "en",
            IsTestAccount = i % 50 == 0,
            Status = i % 10 == 0 ? AccountStatus.Disabled : AccountStatus.Active,
            Stage = (AccountStage)(i % 4),
            CreatedAt = now.AddMinutes(-i),
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        await Seeding.BatchUpsertAsync(s.Raw.Storage.TableService.GetTableClient(CustomerListIndex.TableName), CustomerListIndex.RowsOfNewPartition(ListRows.Partition(Id), accounts));
    }
}
