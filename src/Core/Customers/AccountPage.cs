namespace CustomerFunctions.Core.Customers;

/// <summary>One page of the account listing.</summary>
public sealed record AccountPage(IReadOnlyList<AccountView> Items, string? ContinuationToken);
