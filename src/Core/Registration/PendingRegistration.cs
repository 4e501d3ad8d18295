namespace CustomerFunctions.Core.Registration;

/// <summary>
/// A registration waiting for its email to be confirmed. It reserves nothing: the identifier is claimed only when the
/// account is created at confirmation. Stored under the hash of its confirmation token.
/// </summary>
public sealed record PendingRegistration(
    string TokenHash, string CompanyName, string AccountId, string Email, string FullName, string Language,
    string? PartnerId, string? LinkId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
