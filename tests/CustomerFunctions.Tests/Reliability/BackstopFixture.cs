using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Reliability;

/// <summary>
/// A server whose outbox recovery messages stay invisible for half an hour (of real time), so the tests alone decide
/// when outbox rows are drained: directly, or by the backstop timer when they move the fake clock.
/// </summary>
public sealed class BackstopFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() => [("Outbox:RecoveryDelay", "00:30:00")];
}
