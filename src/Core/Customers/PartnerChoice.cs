using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>
/// The partner a partner member acts for (<see cref="Id"/>), or why there is none: the caller does not belong to it
/// (<see cref="Refused"/>), or belongs to several and named none (<see cref="Ambiguous"/>).
/// </summary>
public sealed record PartnerChoice(string? Id, Forbidden? Refused = null, SeveralPartners? Ambiguous = null);
