namespace CustomerFunctions.Core.Auth;

/// <summary>The authenticated user of a request, read from the bearer token.</summary>
public sealed record Caller(string UserId, string? Email, string? Name, bool IsOperator)
{
    /// <summary>Set when the token is an impersonation token: the user who is acting as a customer admin.</summary>
    public string? ImpersonatedBy { get; init; }

    /// <summary>The one account an impersonation token may act on.</summary>
    public string? ImpersonatedAccountId { get; init; }

    /// <summary>When the impersonation token was issued (its <c>iat</c>).</summary>
    public DateTimeOffset? ImpersonationIssuedAt { get; init; }

    /// <summary>The partner through which the impersonation was started; null when an operator started it.</summary>
    public string? ImpersonationPartnerId { get; init; }

    /// <summary>The impersonator's role when the token was issued (a partner member role, or <c>operator</c>); null in older tokens.</summary>
    public string? ImpersonationIssuerRole { get; init; }

    public bool IsImpersonation => ImpersonatedBy is not null;

    /// <summary>The service itself acting (timers, queue handlers): named in history events as <paramref name="name"/>.</summary>
    public static Caller System(string name) => new(name, null, null, IsOperator: true);
}
