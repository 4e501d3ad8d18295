using Azure.Data.Tables;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// How a self-registered account came to be: row <c>registration</c> in its partition. It names the registrant (for the
/// approval and rejection emails) and, after a rejection, keeps the reason while the personal data is erased.
/// </summary>
public sealed record RegistrationRecord(
    string UserId, string? Email, string? FullName, string Language, string? PartnerId, string? LinkId, DateTimeOffset RegisteredAt)
{
    public const string RowKey = "registration";

    public string? RejectionReason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    /// <summary>The record after a rejection: the reason and who decided stay, the registrant's name and email go.</summary>
    public RegistrationRecord Rejected(string reason, string by, DateTimeOffset at) =>
        this with { Email = null, FullName = null, RejectionReason = reason, DecidedBy = by, DecidedAt = at };

    public RegistrationRecord Approved(string by, DateTimeOffset at) => this with { DecidedBy = by, DecidedAt = at };

    public TableEntity ToEntity(string accountId) => new(accountId, RowKey)
    {
        ["UserId"] = UserId,
        ["Email"] = Email,
        ["FullName"] = FullName,
        ["Language"] = Language,
        ["PartnerId"] = PartnerId,
        ["LinkId"] = LinkId,
        ["RegisteredAt"] = RegisteredAt,
        ["RejectionReason"] = RejectionReason,
        ["DecidedAt"] = DecidedAt,
        ["DecidedBy"] = DecidedBy,
    };

    public static RegistrationRecord FromEntity(TableEntity e) => new(
        e.GetString("UserId") ?? "", e.GetString("Email"), e.GetString("FullName"), e.GetString("Language") ?? "en",
        e.GetString("PartnerId"), e.GetString("LinkId"), e.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.MinValue)
    {
        RejectionReason = e.GetString("RejectionReason"),
        DecidedAt = e.GetDateTimeOffset("DecidedAt"),
        DecidedBy = e.GetString("DecidedBy"),
    };
}
