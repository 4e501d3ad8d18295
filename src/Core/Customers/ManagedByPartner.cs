using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>A customer managed by a partner cannot become a partner: partners are never managed, and its partner would lose it.</summary>
public sealed record ManagedByPartner(string PartnerId)
    : Conflict("managed-by-partner", $"The account is managed by partner {PartnerId}; only a customer without a managing partner becomes a partner.");
