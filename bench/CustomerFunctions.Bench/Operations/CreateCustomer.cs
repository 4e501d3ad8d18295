using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Bench.Operations;

/// <summary>POST /api/customers by a partner admin naming its partner; a fresh id every call.</summary>
public sealed class CreateCustomer(Scenario s) : Operation(s)
{
    private string token = "";

    public override string Name => "create customer";

    public override string RawDescription =>
        "partner profile + partner member reads; new profile + member reads (parallel); recovery message; transaction (profile, event, outbox row); " +
        "listing sync (profile read, read + add all-accounts row, read + add partner row); outbox row delete";

    public override Task SetupAsync()
    {
        token = Host.Token(Scenario.PartnerAdmin);
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(_ => Call(Scenario.NewId("cc")))]);

    private Func<Task> Call(string id) => () => Host.Api.SendAsync(HttpMethod.Post, "/api/customers", token, new { id, name = "Customer " + id, partnerId = Scenario.PartnerId }, 201);

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(_ => RawCall(Scenario.NewId("cr")))]);

    private Func<Task> RawCall(string id) => async () =>
    {
        var (partnerId, admin) = (Scenario.PartnerId, Scenario.PartnerAdmin);
        await Raw.GetAsync(Raw.Accounts, partnerId, Keys.Profile);
        await Raw.GetAsync(Raw.Accounts, partnerId, AccountPartition.Members.Key(Core.Members.MemberRow.Id(admin)));
        await Raw.OpenAsync(id, admin);
        var now = Host.Time.GetUtcNow();
        var account = Seeding.Customer(id, partnerId, now, companyEmail: null, version: 0);
        var created = Seeding.Event(id, EventTypes.CustomerCreated, new { kind = AccountKind.Customer, partnerId, name = account.Name }, now, admin);
        var command = await Raw.CommitAsync(account, null, [], [created], [new SyncAccountListing()]);
        await Raw.SyncListingAsync(id);
        await Raw.DeleteOutboxRowAsync(id, command);
    };
}
