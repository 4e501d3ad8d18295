namespace CustomerFunctions.Core.Registration;

/// <summary>
/// How a self-registered account came to be: row <c>registration</c> in its partition. It names the registrant (for the
/// approval and rejection emails); when the account is deleted or rejected, only ids, the partner, the link and the decision's time stay.
/// </summary>
public sealed record RegistrationRecord(
    string UserId, string? Email, string? FullName, string Language, string? PartnerId, string? LinkId, DateTimeOffset RegisteredAt)
{
    public string? RejectionReason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    /// <summary>The record after a rejection: who decided and when; the erasure that follows erases the registrant and the reason (it needs the email to find the address's send slots).</summary>
    public RegistrationRecord Rejected(string reason, string by, DateTimeOffset at) =>
        this with { RejectionReason = reason, DecidedBy = by, DecidedAt = at };

    public RegistrationRecord Approved(string by, DateTimeOffset at) => this with { DecidedBy = by, DecidedAt = at };
}
