namespace CustomerFunctions.Core.History;

/// <summary>Who did it: the user, and the operator behind an impersonation.</summary>
public sealed record EventActor(string UserId, string? ImpersonatedBy = null);
