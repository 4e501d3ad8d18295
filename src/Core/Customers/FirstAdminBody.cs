namespace CustomerFunctions.Core.Customers;

/// <summary>The first admin of a new account, invited in the transaction that creates it; <c>language</c> is the invitation's (else the account's).</summary>
public sealed record FirstAdminBody(string? Email, string? FullName, string? Language);
