using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Projects;

namespace CustomerFunctions.Bench.Operations;

/// <summary>POST /api/customers/{id}/projects by a customer admin; a fresh project id every call (quota 10,000).</summary>
public sealed class CreateProject(Scenario s) : Operation(s)
{
    private readonly AccountPool pool = new(s, "proj", projectQuota: 10_000);

    public override string Name => "create project";

    public override string RawDescription =>
        "profile + member reads (parallel); project read; recovery message; transaction (profile, project, event, outbox row); " +
        "listing sync (profile read, read + replace all-accounts row, read + replace partner row); outbox row delete";

    public override Task SetupAsync() => pool.CreateAsync();

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i =>
        {
            var (id, _, token) = pool.For(lane, i);
            var projectId = Scenario.NewId("p");
            return (Func<Task>)(() => Host.Api.SendAsync(HttpMethod.Post, $"/api/customers/{id}/projects", token, new { id = projectId, name = "Project " + projectId }, 201));
        })]);

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i =>
        {
            var (id, admin, _) = pool.For(Sequential, i);
            var projectId = Scenario.NewId("rp");
            return (Func<Task>)(() => RawCreateAsync(id, admin, projectId));
        })]);

    private async Task RawCreateAsync(string accountId, string admin, string projectId)
    {
        var (profile, _) = await Raw.OpenAsync(accountId, admin);
        var account = AccountPartition.Profile.FromEntity(profile!);
        await Raw.GetAsync(Raw.Accounts, accountId, AccountPartition.Projects.Key(projectId));
        _ = account.TakeProjectSlot();
        var now = Host.Time.GetUtcNow();
        var project = new Project(projectId, "Project " + projectId, now, admin);
        var created = Seeding.Event(accountId, EventTypes.ProjectCreated, new { projectId, name = project.Name, projectCount = account.ProjectCount, projectQuota = account.ProjectQuota }, now, admin);
        var command = await Raw.CommitAsync(account, profile!.ETag, [new TableTransactionAction(TableTransactionActionType.Add, AccountPartition.Projects.ToEntity(accountId, project))], [created], [new SyncAccountListing()]);
        await Raw.SyncListingAsync(accountId);
        await Raw.DeleteOutboxRowAsync(accountId, command);
    }
}
