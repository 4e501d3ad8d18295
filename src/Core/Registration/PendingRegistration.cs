using Azure.Data.Tables;

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

    public const string PartitionPrefix = "pending|";

    public static string PartitionKey(string tokenHash) => PartitionPrefix + tokenHash;

    public TableEntity ToEntity() => new(PartitionKey(TokenHash), "")
    {
        ["CompanyName"] = CompanyName,
        ["AccountId"] = AccountId,
        ["Email"] = Email,
        ["FullName"] = FullName,
        ["Language"] = Language,
        ["PartnerId"] = PartnerId,
        ["LinkId"] = LinkId,
        ["CreatedAt"] = CreatedAt,
        ["ExpiresAt"] = ExpiresAt,
    };

    public static PendingRegistration FromEntity(string tokenHash, TableEntity e) => new(
        tokenHash, e.GetString("CompanyName") ?? "", e.GetString("AccountId") ?? "", e.GetString("Email") ?? "", e.GetString("FullName") ?? "",
        e.GetString("Language") ?? "en", e.GetString("PartnerId"), e.GetString("LinkId"),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);
}
