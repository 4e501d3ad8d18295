namespace CustomerFunctions.Tests.Telemetry;

/// <summary>The telemetry tests share one server (they tell their spans apart by trace id and their counters by test).</summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "Telemetry";
}
