namespace CustomerFunctions.Core.Customers;

/// <summary>An account as the API returns it.</summary>
public sealed record AccountView(
    string Id, string Name, AccountKind Kind, string? PartnerId, string? CompanyEmail, string? FirstName, string? LastName,
    string? CustomId, string? Seller, string Language, bool IsTestAccount, AccountStatus Status, AccountStage Stage,
    int ProjectQuota, int ProjectCount, DateTimeOffset? DeletionDueAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The first admin's invitation, in the answer to a create that named one.</summary>
    public string? AdminInvitationId { get; init; }

    public static AccountView From(Account a) => new(
        a.Id, a.Name, a.Kind, a.PartnerId, a.CompanyEmail, a.FirstName, a.LastName, a.CustomId, a.Seller, a.Language,
        a.IsTestAccount, a.Status, a.Stage, a.ProjectQuota, a.ProjectCount, a.DeletionDueAt, a.CreatedAt, a.UpdatedAt);
}
