namespace CustomerFunctions.Bench.Operations;

/// <summary>GET /api/customers/{id} by a customer admin of the account.</summary>
public sealed class GetCustomer(Scenario s) : Operation(s)
{
    private readonly AccountPool pool = new(s, "get");

    public override string Name => "get customer";

    public override string RawDescription => "profile + caller's member row (parallel point reads)";

    public override Task SetupAsync() => pool.CreateAsync();

    public override Task<IReadOnlyList<Func<Task>>> ApiCallsAsync(int lane, int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i => pool.For(lane, i)).Select(a => (Func<Task>)(() => Host.Api.GetAsync($"/api/customers/{a.Id}", a.Token)))]);

    public override Task<IReadOnlyList<Func<Task>>> RawCallsAsync(int count) =>
        Task.FromResult<IReadOnlyList<Func<Task>>>([.. Enumerable.Range(0, count).Select(i => pool.For(Sequential, i)).Select(a => (Func<Task>)(() => Raw.OpenAsync(a.Id, a.Admin)))]);
}
