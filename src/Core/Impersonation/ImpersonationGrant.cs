namespace CustomerFunctions.Core.Impersonation;

/// <summary>The token that acts as a customer admin of <see cref="AccountId"/> until <see cref="ExpiresAt"/>.</summary>
public sealed record ImpersonationGrant(string Token, DateTimeOffset ExpiresAt, string ImpersonationId, string AccountId);
