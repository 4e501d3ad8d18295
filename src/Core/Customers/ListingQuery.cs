namespace CustomerFunctions.Core.Customers;

/// <summary>
/// One question to the account listing: a partner's customers (or every account), narrowed by status, seller, a
/// lowercase prefix of the name or id, and whether test accounts count (null: both; true: only them; false: none).
/// </summary>
public sealed record ListingQuery(string? PartnerId, AccountStatus? Status, string? Seller, string? Search, bool? TestAccounts);
