namespace CustomerFunctions.Core.Customers;

public enum AccountKind { Customer, Partner }

public enum AccountStatus { PendingApproval, Active, Disabled, DeletionRequested, Deleted }

public enum AccountStage { Preparation, Trial, Active, TrialEnd, Deleted }

/// <summary>A customer or partner account: the profile row of its partition, and the rules about its lifecycle.</summary>
public sealed class Account
{
    public const int DefaultProjectQuota = 10;

    public required string Id { get; init; }
    public required string Name { get; set; }
    public AccountKind Kind { get; init; }
    public string? PartnerId { get; set; }
    public string? CompanyEmail { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? CustomId { get; set; }
    public string? Seller { get; set; }
    public string Language { get; set; } = "en";
    public bool IsTestAccount { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public AccountStage Stage { get; set; } = AccountStage.Preparation;
    public int ProjectQuota { get; set; } = DefaultProjectQuota;
    public int ProjectCount { get; set; }
    public DateTimeOffset? DeletionDueAt { get; set; }

    /// <summary>When the account was last disabled: impersonation tokens issued before it stay dead after a re-enable.</summary>
    public DateTimeOffset? LastDisabledAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped by every command on the account; orders the derived index rows.</summary>
    public long Version { get; set; }

    public bool IsDeleted => Status == AccountStatus.Deleted;

    /// <summary>Members of a disabled, pending or deleted account may read, nothing more.</summary>
    public bool MembersMayWrite => Status is AccountStatus.Active or AccountStatus.DeletionRequested;

    public bool CanChangeStatusTo(AccountStatus target) =>
        (Status, target) is (AccountStatus.Active, AccountStatus.Disabled) or (AccountStatus.Disabled, AccountStatus.Active);
}
