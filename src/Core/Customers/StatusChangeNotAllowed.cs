using System.Text.Json;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>Only active and disabled accounts switch between each other (see <see cref="Account.CanChangeStatusTo"/>).</summary>
public sealed record StatusChangeNotAllowed(AccountStatus From, AccountStatus To)
    : Conflict("status-change-not-allowed", $"An account that is {Name(From)} cannot be set to {Name(To)}.")
{
    private static string Name(AccountStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
