using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Projects;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Projects;

public sealed class ProjectQuotaUnderConcurrency(ServiceFixture f) : IClassFixture<ServiceFixture>
{
    private readonly TestUser op = TestUser.Operator();

    [Theory]
    [InlineData(12, 5)]
    [InlineData(30, 10)]
    [InlineData(50, 10)]
    public async Task ParallelCreations_NeverPassTheQuota(int attempts, int quota)
    {
        var s = await ProjectScene.Build(f, op, projectQuota: quota);
        var admin = f.As(s.Admin);

        var replies = await Task.WhenAll(Enumerable.Range(0, attempts)
            .Select(i => Task.Run(() => admin.Post(s.Projects, new { id = $"parallel-{i}", name = $"Parallel {i}" }))));

        Assert.All(replies, r => Assert.True(r.Status < 500, $"{r.Status}: {r.Text}"));
        Assert.Equal(quota, replies.Count(r => r.Status == 201));
        Assert.All(replies.Where(r => r.Status != 201), r => r.IsProblem(409, "quota-exceeded"));

        var listed = (await f.As(op).Get(s.Projects + "?pageSize=200")).Is(200).Json.GetProperty("items");
        Assert.Equal(quota, listed.GetArrayLength());
        Assert.Equal(quota, (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32());
        Assert.Equal(quota, (await ProjectScene.Rows(f, s.Customer, ProjectRow.Prefix)).Count);

        var created = await ProjectScene.Events(f, s.Customer, EventTypes.ProjectCreated);
        Assert.Equal(quota, created.Count);
        var succeeded = replies.Where(r => r.Status == 201).Select(r => r.Str("id")).Order().ToList();
        Assert.Equal(succeeded, created.Select(e => e.Details!.Value.GetProperty("projectId").GetString()!).Order().ToList());
        Assert.Equal(succeeded, listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order().ToList());
    }

    [Fact]
    public async Task ParallelDeletesAndCreations_KeepTheCountEqualToTheProjects()
    {
        var s = await ProjectScene.Build(f, op, projectQuota: 6);
        for (var i = 0; i < 6; i++)
        {
            (await f.As(s.Admin).Post(s.Projects, new { id = $"old-{i}", name = "Old" })).Is(201);
        }
        var admin = f.As(s.Admin);
        var work = Enumerable.Range(0, 6).Select(i => Task.Run(() => admin.Delete($"{s.Projects}/old-{i}")))
            .Concat(Enumerable.Range(0, 8).Select(i => Task.Run(() => admin.Post(s.Projects, new { id = $"new-{i}", name = "New" }))));
        var replies = await Task.WhenAll(work);
        Assert.All(replies, r => Assert.True(r.Status is 201 or 204 or 409, $"{r.Status}: {r.Text}"));

        var rows = await ProjectScene.Rows(f, s.Customer, ProjectRow.Prefix);
        var count = (await f.As(op).Get($"/api/customers/{s.Customer}")).Json.GetProperty("projectCount").GetInt32();
        Assert.Equal(rows.Count, count);
        Assert.InRange(count, 0, 6);
        Assert.Equal(replies.Count(r => r.Status == 201), rows.Count(r => r.RowKey.StartsWith(AccountPartition.Projects.Key("new-"), StringComparison.Ordinal)));
    }
}
