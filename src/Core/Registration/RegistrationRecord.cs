namespace CustomerFunctions.Core.Registration;

/// <summary>
/// How a self-registered account came to be: row <c>registration</c> in its partition. It names the registrant (for the
/// approval and rejection emails) and, after a rejection, keeps the reason while the personal data is erased.
/// </summary>
public sealed record RegistrationRecord(
    string UserId, string? Email, string? FullName, string Language, string? PartnerId, string? LinkId, DateTimeOffset RegisteredAt)
{
    public string? RejectionReason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    /// <summary>The record after a rejection: the reason and who decided stay, the registrant's name and email go.</summary>
    public RegistrationRecord Rejected(string reason, string by, DateTimeOffset at) =>
        this with { Email = null, FullName = null, RejectionReason = reason, DecidedBy = by, DecidedAt = at };

    public RegistrationRecord Approved(string by, DateTimeOffset at) => this with { DecidedBy = by, DecidedAt = at };
}
