using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// A partner does not schedule its own deletion: the timer would carry it out unattended, while an operator's DELETE
/// first makes sure no customer is left without its partner.
/// </summary>
public sealed record OnlyCustomersRequestDeletion() : Forbidden(
    "Only customer accounts can ask to be deleted; an operator deletes a partner once it manages no customers.", "only-customers-request-deletion");
