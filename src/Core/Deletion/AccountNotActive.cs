using System.Text.Json;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>Only an active account may ask to be deleted (not a pending, disabled or deleted one).</summary>
public sealed record AccountNotActive(AccountStatus Status)
    : Conflict("account-not-active", $"Only an active account can ask to be deleted; this one is {JsonNamingPolicy.CamelCase.ConvertName(Status.ToString())}.");
