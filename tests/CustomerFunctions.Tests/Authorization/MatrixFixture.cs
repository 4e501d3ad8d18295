using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>The matrix's server: its registration cells (every column at once, from one address) stay within the per-address limit.</summary>
public sealed class MatrixFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() => [("Registration:PerAddressPerHour", "100")];
}
