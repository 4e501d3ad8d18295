using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>A partner whose listing still shows customers that are not deleted stays: they would be left with a manager nobody can act for.</summary>
public sealed record PartnerHasCustomers() : Conflict("partner-has-customers",
    "This partner still manages customer accounts that are not deleted; delete them first, so that none is left without its partner.");
