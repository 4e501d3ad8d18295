using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>Approving and rejecting are for accounts waiting for approval only.</summary>
public sealed record NotPendingApproval() : Conflict("not-pending-approval", "Only an account waiting for approval can be approved or rejected.");
