namespace CustomerFunctions.Tests.Infrastructure;

public sealed record TestUser(string Id, string Email, string Name, bool IsOperator = false)
{
    private static int counter;

    public static TestUser New(string label, bool isOperator = false)
    {
        var n = Interlocked.Increment(ref counter);
        var id = $"{label}-{n}-{Guid.NewGuid():N}"[..Math.Min(40, label.Length + 30)];
        return new TestUser(id, $"{label}{n}@example.test", $"{label} {n}", isOperator);
    }

    public static TestUser Operator() => New("operator", isOperator: true);
}

public static class Ids
{
    private static int counter;

    /// <summary>A fresh account identifier, unique in this test run.</summary>
    public static string Account(string label = "acct") => $"{label}-{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}"[..Math.Min(50, label.Length + 25)].TrimEnd('-');
}
